/**
 * The framing every small sealed value shares: version (1 byte) ‖ nonce ‖ authenticated ciphertext.
 * The version byte lets a later release change the algorithm without guessing what it is reading.
 */
import { CryptoError } from "./crypto-error";

export function packVersioned(version: number, nonce: Uint8Array, box: Uint8Array): Uint8Array {
  const out = new Uint8Array(1 + nonce.length + box.length);
  out[0] = version;
  out.set(nonce, 1);
  out.set(box, 1 + nonce.length);
  return out;
}

/** Splits a packed value, refusing another version or one too short to hold a nonce and a tag. */
export function unpackVersioned(
  sealed: Uint8Array,
  expect: { version: number; nonceBytes: number; tagBytes: number; what: string },
): { nonce: Uint8Array; box: Uint8Array } {
  const nonceEnd = 1 + expect.nonceBytes;
  if (sealed[0] !== expect.version || sealed.length < nonceEnd + expect.tagBytes) {
    throw new CryptoError("bad-format", `${expect.what} is not in a format this version understands.`);
  }
  return { nonce: sealed.subarray(1, nonceEnd), box: sealed.subarray(nonceEnd) };
}
