/**
 * Unlocked keys live here: in this tab's memory only, never in storage. A sign-in leaves the unlock
 * key it derived for the portal to open the private key with; a reload loses everything, and the
 * portal asks for the password again (without a new sign-in while the session lives). Sign-out,
 * a session timeout (the sign-in page) and "Lock" forget them.
 */
import type { KeyPair } from "../crypto/user-keys";

let keys: KeyPair | null = null;
let pendingUnlockKey: Uint8Array | null = null;
const listeners = new Set<() => void>();
const notify = () => {
  for (const listener of listeners) listener();
};

/** Sign-in: keep the unlock key until the portal has opened the private key with it. */
export function holdUnlockKey(unlockKey: Uint8Array) {
  pendingUnlockKey?.fill(0);
  pendingUnlockKey = unlockKey;
}

/** Hands the held unlock key over once (the caller wipes it after use). */
export function takeUnlockKey(): Uint8Array | null {
  const key = pendingUnlockKey;
  pendingUnlockKey = null;
  return key;
}

export function setUnlockedKeys(pair: KeyPair) {
  if (keys && keys.privateKey !== pair.privateKey) keys.privateKey.fill(0);
  keys = pair;
  notify();
}

export function unlockedKeys(): KeyPair | null {
  return keys;
}

/** Wipes and forgets everything held. */
export function forgetKeys() {
  keys?.privateKey.fill(0);
  pendingUnlockKey?.fill(0);
  keys = null;
  pendingUnlockKey = null;
  notify();
}

export function subscribeKeys(listener: () => void): () => void {
  listeners.add(listener);
  return () => listeners.delete(listener);
}
