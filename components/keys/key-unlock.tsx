"use client";
/**
 * Opens the person's private key in this tab. Right after sign-in it uses the unlock key the login
 * form derived (an account without keys gets its pair made here), silently. After a reload — memory
 * is gone — nothing is asked here: the pages that need documents ask for the password themselves
 * (UnlockDocuments), so a page without documents, or a platform admin, is never asked.
 */
import { useEffect, useSyncExternalStore } from "react";
import { trpc } from "@/components/providers/trpc";
import { newStoredKeys, openStoredKeys } from "@/lib/auth/account-keys";
import { deriveCredentials } from "@/lib/auth/credentials";
import { setUnlockedKeys, subscribeKeys, takeUnlockKey, unlockedKeys } from "@/lib/auth/key-store";
import { CryptoError } from "@/lib/crypto/crypto-error";

export function useUnlockedKeys() {
  return useSyncExternalStore(subscribeKeys, unlockedKeys, () => null);
}

/** Opening the keys with an unlock key or a typed password, shared by sign-in and the inline prompt. */
export function useOpenKeys() {
  const utils = trpc.useUtils();
  const setUp = trpc.keys.setUp.useMutation();

  async function openWith(unlockKey: Uint8Array) {
    try {
      const stored = await utils.keys.mine.fetch(undefined, { staleTime: 0 });
      if (stored) {
        setUnlockedKeys(await openStoredKeys(stored, unlockKey));
      } else {
        const made = await newStoredKeys(unlockKey);
        await setUp.mutateAsync(made.stored);
        setUnlockedKeys(made.pair);
      }
    } finally {
      unlockKey.fill(0);
    }
  }

  /** Throws CryptoError for a wrong password. */
  async function openWithPassword(password: string) {
    const params = await utils.auth.myPasswordParams.fetch(undefined, { staleTime: 0 });
    if (!params.current) throw new CryptoError("wrong-key-or-tampered", "This account has no password yet.");
    const { unlockKey, keys: derived } = await deriveCredentials(password, params.current);
    derived.authKey.fill(0);
    await openWith(unlockKey);
  }

  return { openWith, openWithPassword };
}

/** In the portal's frame: uses the unlock key a sign-in left, once. Shows nothing. */
export function KeyAutoUnlock() {
  const keys = useUnlockedKeys();
  const { openWith } = useOpenKeys();
  // biome-ignore lint/correctness/useExhaustiveDependencies: once, when the portal first shows
  useEffect(() => {
    const held = takeUnlockKey();
    if (held && unlockedKeys()) held.fill(0); // already open (e.g. right after a password change)
    // A failure leaves the keys closed: the pages that need them ask for the password.
    if (held && !unlockedKeys()) void openWith(held).catch(() => undefined);
  }, []);
  return keys ? <span hidden data-testid="keys-unlocked" /> : null;
}
