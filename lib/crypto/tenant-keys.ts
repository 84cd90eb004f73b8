/**
 * The tenant key pair: its public key is stored plain (documents' keys are sealed to it); its private
 * key is stored once per tenant admin (sealed to their public key) and once to a recovery key that only
 * the one-time recovery code shown to the first admin can rebuild.
 */
import { CryptoError } from "./crypto-error";
import { openSealed, sealTo } from "./sealed-box";
import { loadSodium } from "./sodium";
import type { KeyPair } from "./user-keys";

export async function createTenantKeyPair(): Promise<KeyPair> {
  const sodium = await loadSodium();
  const { publicKey, privateKey } = sodium.crypto_box_keypair();
  return { publicKey, privateKey };
}

/** A copy of the tenant private key for one admin (or for the recovery key). */
export function sealTenantPrivateKey(tenantPrivateKey: Uint8Array, recipientPublicKey: Uint8Array) {
  return sealTo(tenantPrivateKey, recipientPublicKey);
}

/** Opens an admin's copy and checks it really is the private half of the tenant's public key. */
export async function openTenantKeyPair(
  tenant: { publicKey: Uint8Array; sealedPrivateKey: Uint8Array },
  recipient: KeyPair,
): Promise<KeyPair> {
  const sodium = await loadSodium();
  const privateKey = await openSealed(tenant.sealedPrivateKey, recipient, "the tenant key");
  const derived = sodium.crypto_scalarmult_base(privateKey);
  if (derived.length !== tenant.publicKey.length || !sodium.memcmp(derived, tenant.publicKey)) {
    throw new CryptoError("wrong-key-or-tampered", "This copy of the tenant key belongs to another tenant.");
  }
  return { publicKey: tenant.publicKey, privateKey };
}

/** Gives another person tenant-wide access: open my copy, seal one to them. */
export async function grantTenantKey(
  tenant: { publicKey: Uint8Array; sealedPrivateKey: Uint8Array },
  granter: KeyPair,
  newRecipientPublicKey: Uint8Array,
): Promise<Uint8Array> {
  const tenantKeys = await openTenantKeyPair(tenant, granter);
  const sealed = await sealTenantPrivateKey(tenantKeys.privateKey, newRecipientPublicKey);
  (await loadSodium()).memzero(tenantKeys.privateKey);
  return sealed;
}

// Recovery code: 20 random bytes (160 bits) in Crockford base32, 8 groups of 4 ("7KQ2-…"). No confusable
// letters (I, L, O, U); typing them anyway is forgiven. With this much entropy a fast keyed hash is
// enough to turn it into a key pair seed; a slow password hash would add nothing.
const CROCKFORD = "0123456789ABCDEFGHJKMNPQRSTVWXYZ";
const RECOVERY_BYTES = 20;
const RECOVERY_CHARS = 32; // 160 bits / 5

export async function generateRecoveryCode(): Promise<string> {
  const sodium = await loadSodium();
  const bytes = sodium.randombytes_buf(RECOVERY_BYTES);
  let bits = 0;
  let value = 0;
  let text = "";
  for (const byte of bytes) {
    value = (value << 8) | byte;
    bits += 8;
    while (bits >= 5) {
      text += CROCKFORD[(value >>> (bits - 5)) & 31];
      bits -= 5;
    }
  }
  sodium.memzero(bytes);
  return text.match(/.{4}/g)!.join("-");
}

/** Reads a typed code back to its 20 bytes; spaces, dashes, case and I/L/O look-alikes are forgiven. */
export function parseRecoveryCode(code: string): Uint8Array {
  const cleaned = code.toUpperCase().replace(/[\s-]/g, "").replace(/[IL]/g, "1").replace(/O/g, "0");
  if (cleaned.length !== RECOVERY_CHARS || /[^0-9A-HJKMNP-TV-Z]/.test(cleaned)) {
    throw new CryptoError("bad-input", "A recovery code is 32 letters and digits, like 7KQ2-M9XD-….");
  }
  const out = new Uint8Array(RECOVERY_BYTES);
  let bits = 0;
  let value = 0;
  let i = 0;
  for (const ch of cleaned) {
    value = ((value << 5) | CROCKFORD.indexOf(ch)) & 0xffff;
    bits += 5;
    if (bits >= 8) {
      out[i++] = (value >>> (bits - 8)) & 0xff;
      bits -= 8;
    }
  }
  return out;
}

/** The recovery key pair a code stands for; the tenant private key is sealed once to its public key. */
export async function recoveryKeyPair(code: string): Promise<KeyPair> {
  const sodium = await loadSodium();
  const bytes = parseRecoveryCode(code);
  const seed = sodium.crypto_generichash(32, bytes, sodium.from_string("faxport:recovery-key:v1"));
  const { publicKey, privateKey } = sodium.crypto_box_seed_keypair(seed);
  sodium.memzero(seed);
  sodium.memzero(bytes);
  return { publicKey, privateKey };
}
