/**
 * Sealing a small secret (a private key, a document key) to someone's public key with crypto_box_seal:
 * anyone can seal, only the holder of the private key can open, and the sealer stays anonymous.
 * Blob: version (1 byte) ‖ crypto_box_seal output.
 */
import { CryptoError } from "./crypto-error";
import { loadSodium } from "./sodium";
import type { KeyPair } from "./user-keys";

const SEALED_BOX_VERSION = 1;

export async function sealTo(secret: Uint8Array, recipientPublicKey: Uint8Array): Promise<Uint8Array> {
  const sodium = await loadSodium();
  if (recipientPublicKey.length !== sodium.crypto_box_PUBLICKEYBYTES) {
    throw new CryptoError("bad-input", "A public key must be 32 bytes.");
  }
  const box = sodium.crypto_box_seal(secret, recipientPublicKey);
  const out = new Uint8Array(1 + box.length);
  out[0] = SEALED_BOX_VERSION;
  out.set(box, 1);
  return out;
}

/** `what` names the secret in the message a person sees ("this document's key"). */
export async function openSealed(sealed: Uint8Array, recipient: KeyPair, what: string): Promise<Uint8Array> {
  const sodium = await loadSodium();
  if (sealed[0] !== SEALED_BOX_VERSION || sealed.length < 1 + sodium.crypto_box_SEALBYTES) {
    throw new CryptoError("bad-format", `The sealed copy of ${what} is not in a format this version understands.`);
  }
  try {
    return sodium.crypto_box_seal_open(sealed.subarray(1), recipient.publicKey, recipient.privateKey);
  } catch {
    throw new CryptoError("wrong-key-or-tampered", `Your key does not open ${what}, or it was altered.`);
  }
}
