/**
 * The safety code of a public key: eight digits both people read out over the phone before an
 * organisation admin grants access, so the key the admin seals to is the one the waiting person's
 * own browser made (not one someone else put on their account). Computed in each browser from the
 * public key alone. A memory-hard hash makes it costly to search for a different key with the same
 * code (about 10^8 tries, each a 16 MiB Argon2id run), where a plain hash would take minutes.
 */
import { fromBase64 } from "./encoding";
import { loadSodium } from "./sodium";

const SALT = "faxport-safety-1"; // crypto_pwhash wants exactly 16 bytes
const DIGITS = 8;

export async function safetyCode(publicKey: string): Promise<string> {
  const sodium = await loadSodium();
  const hash = sodium.crypto_pwhash(
    16, // the least it makes; the first 8 bytes are used
    await fromBase64(publicKey),
    sodium.from_string(SALT),
    2,
    16 * 1024 * 1024,
    sodium.crypto_pwhash_ALG_ARGON2ID13,
  );
  // 64 bits read as a number, its last eight decimal digits (the bias of 2^64 mod 10^8 is negligible).
  let value = 0n;
  for (const byte of hash.subarray(0, 8)) value = (value << 8n) | BigInt(byte);
  const digits = (value % 10n ** BigInt(DIGITS)).toString().padStart(DIGITS, "0");
  return `${digits.slice(0, 4)} ${digits.slice(4)}`;
}

/** Whether what the admin typed is the code (spaces and dashes ignored). */
export function sameSafetyCode(typed: string, code: string): boolean {
  const clean = (s: string) => s.replace(/[\s-]/g, "");
  return clean(typed) === clean(code);
}
