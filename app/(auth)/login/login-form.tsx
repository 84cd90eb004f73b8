"use client";
/**
 * Username first, then password — the way the source admin portals sign in. Step one fetches the
 * account's key parameters; the browser turns the password into an auth key and sends only that.
 */
import Link from "next/link";
import { startTransition, useActionState, useEffect, useState } from "react";
import { trpc } from "@/components/providers/trpc";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { Card, CardContent } from "@/components/ui/card";
import { Input } from "@/components/ui/input";
import { Field } from "@/components/ui/label";
import { deriveCredentials } from "@/lib/auth/credentials";
import { forgetKeys, holdUnlockKey } from "@/lib/auth/key-store";
import { type SignInState, signInAction } from "./actions";

export function LoginForm({ notice }: { notice: string | null }) {
  const [username, setUsername] = useState("");
  const [step, setStep] = useState<"username" | "password">("username");
  const [password, setPassword] = useState("");
  const [deriving, setDeriving] = useState(false);
  const [localError, setLocalError] = useState<string | null>(null);
  const [state, action, pending] = useActionState<SignInState, FormData>(signInAction, { error: null });
  const utils = trpc.useUtils();
  const error = localError ?? state.error;
  // Reaching sign-in (signed out, or the session ended) forgets any keys this tab still held.
  useEffect(() => {
    forgetKeys();
  }, []);

  async function submitPassword(e: React.FormEvent) {
    e.preventDefault();
    if (!password) return;
    setLocalError(null);
    setDeriving(true);
    try {
      const params = await utils.auth.signInParams.fetch({ username }, { staleTime: 0 });
      const { authKey, unlockKey } = await deriveCredentials(password, params);
      // Kept in memory for the portal to open the private key with (lib/auth/key-store.ts).
      holdUnlockKey(unlockKey);
      const form = new FormData();
      form.set("username", username);
      form.set("authKey", authKey);
      startTransition(() => action(form));
    } catch {
      setLocalError("Signing in failed. Check your connection and try again.");
    } finally {
      setDeriving(false);
    }
  }

  return (
    <Card>
      <CardContent>
        {notice ? (
          <Alert variant="success" className="mb-4">
            {notice}
          </Alert>
        ) : null}
        {step === "username" ? (
          <form
            method="post"
            className="grid gap-4"
            onSubmit={(e) => {
              e.preventDefault();
              if (username.trim()) setStep("password");
            }}
          >
            <Field label="Username or email" htmlFor="username">
              <Input
                id="username"
                name="username"
                autoComplete="username"
                autoFocus
                required
                value={username}
                onChange={(e) => setUsername(e.target.value)}
              />
            </Field>
            <Button type="submit">Next</Button>
          </form>
        ) : (
          <form onSubmit={submitPassword} className="grid gap-4">
            <div className="flex items-center justify-between text-sm">
              <span className="truncate font-medium" data-testid="login-username">
                {username}
              </span>
              <button type="button" className="text-primary hover:underline" onClick={() => setStep("username")}>
                Change
              </button>
            </div>
            {/* No name: the password is never part of a request. */}
            <Field label="Password" htmlFor="password" error={error}>
              <Input
                id="password"
                type="password"
                autoComplete="current-password"
                autoFocus
                required
                value={password}
                onChange={(e) => setPassword(e.target.value)}
                aria-invalid={!!error}
              />
            </Field>
            <Button type="submit" disabled={pending || deriving}>
              {pending || deriving ? "Signing in…" : "Sign in"}
            </Button>
          </form>
        )}
        <div className="mt-4 text-center text-sm">
          <Link href="/forgot-password" className="text-primary hover:underline">
            Forgot password?
          </Link>
        </div>
      </CardContent>
    </Card>
  );
}
