/**
 * A person's key pair in the form the server stores it (base64url text): made, opened and re-sealed
 * in the browser with the unlock key derived from the password (lib/auth/credentials.ts).
 */
import { fromBase64, toBase64 } from "../crypto/encoding";
import { createUserKeys, type KeyPair, sealPrivateKey, unlockUserKeys } from "../crypto/user-keys";
import type { StoredKeys } from "./credentials";

/** A fresh key pair whose private half is sealed with `unlockKey`. */
export async function newStoredKeys(unlockKey: Uint8Array): Promise<{ stored: StoredKeys; pair: KeyPair }> {
  const made = await createUserKeys(unlockKey);
  return {
    stored: { publicKey: await toBase64(made.publicKey), sealedPrivateKey: await toBase64(made.sealedPrivateKey) },
    pair: { publicKey: made.publicKey, privateKey: made.privateKey },
  };
}

/** The same pair sealed under another unlock key (a password change). */
export async function resealStoredKeys(pair: KeyPair, unlockKey: Uint8Array): Promise<StoredKeys> {
  return {
    publicKey: await toBase64(pair.publicKey),
    sealedPrivateKey: await toBase64(await sealPrivateKey(pair.privateKey, unlockKey)),
  };
}

/** Opens a stored pair; throws CryptoError when the unlock key is not the right one. */
export async function openStoredKeys(stored: StoredKeys, unlockKey: Uint8Array): Promise<KeyPair> {
  return unlockUserKeys(
    { publicKey: await fromBase64(stored.publicKey), sealedPrivateKey: await fromBase64(stored.sealedPrivateKey) },
    unlockKey,
  );
}
