"use client";
import { useRouter } from "next/navigation";
import { useState } from "react";
import { trpc } from "@/components/providers/trpc";
import { PasswordRules } from "@/components/shell/password-rules";
import { Button } from "@/components/ui/button";
import { Card, CardContent } from "@/components/ui/card";
import { Input } from "@/components/ui/input";
import { Field } from "@/components/ui/label";

export function ResetPasswordForm({ token }: { token: string }) {
  const router = useRouter();
  const [password, setPassword] = useState("");
  const [confirm, setConfirm] = useState("");
  const [mismatch, setMismatch] = useState(false);
  const reset = trpc.auth.resetPassword.useMutation({ onSuccess: () => router.push("/login?reset=done") });
  return (
    <Card>
      <CardContent className="pt-5">
        <form
          method="post"
          className="grid gap-4"
          onSubmit={(e) => {
            e.preventDefault();
            setMismatch(password !== confirm);
            if (password === confirm) reset.mutate({ token, password });
          }}
        >
          <Field label="New password" htmlFor="password" error={reset.error?.message}>
            <Input
              id="password"
              type="password"
              autoComplete="new-password"
              value={password}
              onChange={(e) => setPassword(e.target.value)}
              required
            />
          </Field>
          <PasswordRules password={password} />
          <Field label="Repeat new password" htmlFor="confirm" error={mismatch ? "The passwords do not match." : null}>
            <Input
              id="confirm"
              type="password"
              autoComplete="new-password"
              value={confirm}
              onChange={(e) => setConfirm(e.target.value)}
              required
            />
          </Field>
          <Button type="submit" disabled={reset.isPending}>
            Set new password
          </Button>
        </form>
      </CardContent>
    </Card>
  );
}
