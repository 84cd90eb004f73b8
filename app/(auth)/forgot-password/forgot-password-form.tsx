"use client";
import Link from "next/link";
import { useState } from "react";
import { trpc } from "@/components/providers/trpc";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { Card, CardContent } from "@/components/ui/card";
import { Input } from "@/components/ui/input";
import { Field } from "@/components/ui/label";
import { EMAIL_MAX } from "@/lib/schemas/common";

export function ForgotPasswordForm() {
  const [login, setLogin] = useState("");
  const request = trpc.auth.requestPasswordReset.useMutation();
  return (
    <Card>
      <CardContent>
        {request.isSuccess ? (
          <Alert variant="success">
            If an account matches, we sent a link to choose a new password. Check your email.
          </Alert>
        ) : (
          <form
            method="post"
            className="grid gap-4"
            onSubmit={(e) => {
              e.preventDefault();
              request.mutate({ login });
            }}
          >
            <Field label="Username or email" htmlFor="login" error={request.error?.message}>
              <Input
                id="login"
                value={login}
                onChange={(e) => setLogin(e.target.value)}
                maxLength={EMAIL_MAX}
                required
                autoFocus
              />
            </Field>
            <Button type="submit" disabled={request.isPending}>
              Send reset link
            </Button>
          </form>
        )}
        <div className="mt-4 text-center text-sm">
          <Link href="/login" className="text-primary hover:underline">
            Back to sign in
          </Link>
        </div>
      </CardContent>
    </Card>
  );
}
