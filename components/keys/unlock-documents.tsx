"use client";
/**
 * Asked inline, only where documents are opened (Documents, New fax, a fax's pages, Resend): after a
 * reload this tab no longer holds the person's keys, and only their password opens them again.
 * Shows nothing once they are open.
 */
import { useId, useState } from "react";
import { Button } from "@/components/ui/button";
import { cn } from "@/components/ui/cn";
import { Input } from "@/components/ui/input";
import { CryptoError } from "@/lib/crypto/crypto-error";
import { useOpenKeys, useUnlockedKeys } from "./key-unlock";

export function UnlockDocuments({
  why = "Enter your password to open your documents.",
  className,
}: {
  /** What the password opens here, in plain words. */
  why?: string;
  className?: string;
}) {
  const keys = useUnlockedKeys();
  const { openWithPassword } = useOpenKeys();
  const [password, setPassword] = useState("");
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const id = useId();
  if (keys) return null;

  async function submit(e: React.FormEvent) {
    e.preventDefault();
    if (!password) return setError("Enter your password.");
    setBusy(true);
    setError(null);
    try {
      await openWithPassword(password);
      setPassword("");
    } catch (err) {
      setError(err instanceof CryptoError ? "That is not your password. Try again." : "That did not work. Try again.");
    } finally {
      setBusy(false);
    }
  }

  return (
    <form
      onSubmit={submit}
      className={cn("mb-4 grid gap-2 rounded-md border bg-card p-3", className)}
      aria-label="Open your documents"
      data-testid="unlock-documents"
    >
      <p className="text-sm">
        {why} For your safety, this page forgot it when it was reloaded; it is never sent anywhere.
      </p>
      <div className="grid gap-2 sm:flex sm:items-start sm:gap-3">
        <div className="grid flex-1 gap-1">
          <label htmlFor={`${id}-password`} className="text-sm font-medium">
            Your password
          </label>
          <Input
            id={`${id}-password`}
            type="password"
            autoComplete="current-password"
            value={password}
            onChange={(e) => setPassword(e.target.value)}
            aria-invalid={!!error}
            aria-describedby={error ? `${id}-error` : undefined}
          />
          {error ? (
            <p id={`${id}-error`} role="alert" className="text-sm text-red-700">
              {error}
            </p>
          ) : null}
        </div>
        <Button type="submit" disabled={busy} className="sm:mt-6">
          {busy ? "Opening…" : "Open documents"}
        </Button>
      </div>
    </form>
  );
}
