"use client";
/**
 * Opens the person's private key in this tab. Right after sign-in it uses the unlock key the login
 * form derived (an account without keys gets its pair made here); after a reload — memory is gone —
 * it asks for the password, without a new sign-in while the session lives.
 */
import { useEffect, useState, useSyncExternalStore } from "react";
import { trpc } from "@/components/providers/trpc";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { Input } from "@/components/ui/input";
import { newStoredKeys, openStoredKeys } from "@/lib/auth/account-keys";
import { deriveCredentials } from "@/lib/auth/credentials";
import { setUnlockedKeys, subscribeKeys, takeUnlockKey, unlockedKeys } from "@/lib/auth/key-store";
import { CryptoError } from "@/lib/crypto/crypto-error";

export function useUnlockedKeys() {
  return useSyncExternalStore(subscribeKeys, unlockedKeys, () => null);
}

export function KeyUnlock() {
  const keys = useUnlockedKeys();
  const utils = trpc.useUtils();
  const setUp = trpc.keys.setUp.useMutation();
  const [checked, setChecked] = useState(false);
  const [password, setPassword] = useState("");
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);

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

  // biome-ignore lint/correctness/useExhaustiveDependencies: once, when the portal first shows
  useEffect(() => {
    const held = takeUnlockKey();
    if (held && unlockedKeys()) held.fill(0); // already open (e.g. right after a password change)
    if (held && !unlockedKeys()) {
      openWith(held)
        .catch(() => setError("Your keys could not be unlocked. Enter your password to try again."))
        .finally(() => setChecked(true));
    } else {
      setChecked(true);
    }
  }, []);

  async function unlock(e: React.FormEvent) {
    e.preventDefault();
    if (!password) return setError("Enter your password.");
    setBusy(true);
    setError(null);
    try {
      const params = await utils.auth.myPasswordParams.fetch(undefined, { staleTime: 0 });
      if (!params.current) throw new CryptoError("wrong-key-or-tampered", "This account has no password yet.");
      const { unlockKey, keys: derived } = await deriveCredentials(password, params.current);
      derived.authKey.fill(0);
      await openWith(unlockKey);
      setPassword("");
    } catch (err) {
      setError(
        err instanceof CryptoError ? "That password does not unlock your keys." : "Unlocking failed. Try again.",
      );
    } finally {
      setBusy(false);
    }
  }

  if (keys) return <span hidden data-testid="keys-unlocked" />;
  if (!checked) return null;
  return (
    <Alert className="mb-4" data-testid="keys-locked">
      <form onSubmit={unlock} className="grid gap-2 sm:flex sm:items-end sm:gap-3" aria-label="Unlock your keys">
        <div className="grid flex-1 gap-1">
          <label htmlFor="unlock-password" className="text-sm font-medium">
            Your keys are locked in this tab. Enter your password to unlock them.
          </label>
          <Input
            id="unlock-password"
            type="password"
            autoComplete="current-password"
            value={password}
            onChange={(e) => setPassword(e.target.value)}
            aria-invalid={!!error}
            aria-describedby={error ? "unlock-error" : undefined}
          />
        </div>
        <Button type="submit" disabled={busy}>
          {busy ? "Unlocking…" : "Unlock"}
        </Button>
      </form>
      {error ? (
        <p id="unlock-error" role="alert" className="mt-2 text-sm text-red-700">
          {error}
        </p>
      ) : null}
    </Alert>
  );
}
