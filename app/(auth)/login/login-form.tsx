"use client";
/** Username first, then password — the way the source admin portals sign in. */
import Link from "next/link";
import { useActionState, useState } from "react";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { Card, CardContent } from "@/components/ui/card";
import { Input } from "@/components/ui/input";
import { Field } from "@/components/ui/label";
import { type SignInState, signInAction } from "./actions";

export function LoginForm({ notice }: { notice: string | null }) {
  const [username, setUsername] = useState("");
  const [step, setStep] = useState<"username" | "password">("username");
  const [state, action, pending] = useActionState<SignInState, FormData>(signInAction, { error: null });

  return (
    <Card>
      <CardContent className="pt-5">
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
          <form action={action} className="grid gap-4">
            <input type="hidden" name="username" value={username} />
            <div className="flex items-center justify-between text-sm">
              <span className="truncate font-medium" data-testid="login-username">
                {username}
              </span>
              <button type="button" className="text-primary hover:underline" onClick={() => setStep("username")}>
                Change
              </button>
            </div>
            <Field label="Password" htmlFor="password" error={state.error}>
              <Input
                id="password"
                name="password"
                type="password"
                autoComplete="current-password"
                autoFocus
                required
                aria-invalid={!!state.error}
              />
            </Field>
            <Button type="submit" disabled={pending}>
              {pending ? "Signing in…" : "Sign in"}
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
