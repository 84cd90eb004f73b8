/**
 * A person's X25519 key pair. The public key is stored plain (anyone may seal to it); the private key is
 * stored sealed with the unlock key, so the server holds it but cannot use it. A password change
 * re-derives the unlock key and re-seals the same private key: nothing sealed to the person changes.
 *
 * Sealed private key: version (1 byte) ‖ nonce (24) ‖ crypto_secretbox(private key).
 */
import { CryptoError } from "./crypto-error";
import { loadSodium } from "./sodium";
import { packVersioned, unpackVersioned } from "./versioned-box";

const SEALED_PRIVATE_KEY_VERSION = 1;

export type KeyPair = { publicKey: Uint8Array; privateKey: Uint8Array };
export type UserKeys = { publicKey: Uint8Array; sealedPrivateKey: Uint8Array };

export async function sealPrivateKey(privateKey: Uint8Array, unlockKey: Uint8Array): Promise<Uint8Array> {
  const sodium = await loadSodium();
  if (unlockKey.length !== sodium.crypto_secretbox_KEYBYTES) throw new CryptoError("bad-input", "Unlock key size.");
  const nonce = sodium.randombytes_buf(sodium.crypto_secretbox_NONCEBYTES);
  const box = sodium.crypto_secretbox_easy(privateKey, nonce, unlockKey);
  return packVersioned(SEALED_PRIVATE_KEY_VERSION, nonce, box);
}

export async function openPrivateKey(sealed: Uint8Array, unlockKey: Uint8Array): Promise<Uint8Array> {
  const sodium = await loadSodium();
  const { nonce, box } = unpackVersioned(sealed, {
    version: SEALED_PRIVATE_KEY_VERSION,
    nonceBytes: sodium.crypto_secretbox_NONCEBYTES,
    tagBytes: sodium.crypto_secretbox_MACBYTES,
    what: "The stored private key",
  });
  try {
    return sodium.crypto_secretbox_open_easy(box, nonce, unlockKey);
  } catch {
    throw new CryptoError("wrong-key-or-tampered", "The password does not unlock this account's keys.");
  }
}

/** Sign-up: a fresh key pair whose private half is sealed with the unlock key. */
export async function createUserKeys(unlockKey: Uint8Array): Promise<UserKeys & { privateKey: Uint8Array }> {
  const sodium = await loadSodium();
  const { publicKey, privateKey } = sodium.crypto_box_keypair();
  return { publicKey, privateKey, sealedPrivateKey: await sealPrivateKey(privateKey, unlockKey) };
}

/** Sign-in: opens the private key and checks it belongs to the stored public key. */
export async function unlockUserKeys(keys: UserKeys, unlockKey: Uint8Array): Promise<KeyPair> {
  const sodium = await loadSodium();
  const privateKey = await openPrivateKey(keys.sealedPrivateKey, unlockKey);
  const derived = sodium.crypto_scalarmult_base(privateKey);
  if (derived.length !== keys.publicKey.length || !sodium.memcmp(derived, keys.publicKey)) {
    throw new CryptoError("wrong-key-or-tampered", "The stored key pair does not match; it may have been altered.");
  }
  return { publicKey: keys.publicKey, privateKey };
}

/** Password change: the same private key, sealed again under the new unlock key. */
export async function resealPrivateKey(sealed: Uint8Array, oldUnlockKey: Uint8Array, newUnlockKey: Uint8Array) {
  const privateKey = await openPrivateKey(sealed, oldUnlockKey);
  const resealed = await sealPrivateKey(privateKey, newUnlockKey);
  (await loadSodium()).memzero(privateKey);
  return resealed;
}
