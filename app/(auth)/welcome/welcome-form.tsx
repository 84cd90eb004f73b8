"use client";
/**
 * A welcome link: the person is greeted by name and organisation, chooses a password (it stays in this
 * page; only derived credentials are sent), and is signed in with it at once — the first admin then
 * goes on to the recovery-code step, anyone else to the dashboard.
 */
import { startTransition, useActionState, useState } from "react";
import { type SignInState, signInAction } from "@/app/(auth)/login/actions";
import { trpc } from "@/components/providers/trpc";
import { useNewPassword } from "@/components/shell/new-password-fields";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { Card, CardContent } from "@/components/ui/card";
import { Form, FormAlert } from "@/components/ui/form";
import { useFieldErrors } from "@/components/ui/form-errors";
import { holdUnlockKey } from "@/lib/auth/key-store";
import { prepareNewPassword } from "@/lib/auth/new-password";
import { resetPasswordFormSchema } from "@/lib/schemas/auth";

export function WelcomeForm({ token }: { token: string }) {
  const utils = trpc.useUtils();
  const link = trpc.auth.resetParams.useQuery({ token }, { enabled: !!token, retry: false });
  const newPassword = useNewPassword({ policy: link.data?.policy, person: link.data?.person });
  const reset = trpc.auth.resetPassword.useMutation();
  const [signInState, signIn, signingIn] = useActionState<SignInState, FormData>(signInAction, { error: null });
  const [linkError, setLinkError] = useState<unknown>(null);
  const errors = useFieldErrors(reset.error ?? linkError);
  const [working, setWorking] = useState(false);
  const [passwordSet, setPasswordSet] = useState(false);
  const person = link.data?.person;
  const name = person ? person.firstName || person.username : null;

  async function submit(e: React.FormEvent) {
    e.preventDefault();
    const valid = errors.check(resetPasswordFormSchema, { token, password: newPassword.password });
    if (!valid || !newPassword.confirmed(errors)) return;
    setWorking(true);
    try {
      const params = await utils.auth.resetParams.fetch({ token }, { staleTime: 0 }).catch((error: unknown) => {
        setLinkError(error);
        return null;
      });
      if (!params) return;
      const next = await prepareNewPassword({ password: valid.password, ...params });
      if (!next.ok) return errors.setErrors({ password: next.message });
      const set = await reset.mutateAsync({ token, credentials: next.credentials }).then(
        () => true,
        () => false, // shown beside the field by useFieldErrors
      );
      if (!set) return;
      setPasswordSet(true);
      // Signed in with what was just derived: the portal opens the new keys with the unlock key.
      holdUnlockKey(next.derived.unlockKey);
      const form = new FormData();
      form.set("username", params.person.username);
      form.set("authKey", next.credentials.authKey);
      startTransition(() => signIn(form));
    } finally {
      setWorking(false);
    }
  }

  if (link.isError || !token)
    return (
      <Alert variant="error">
        This welcome link is invalid, used or expired. Ask your organisation admin to send a new welcome email.
      </Alert>
    );
  return (
    <Card>
      <CardContent>
        <div className="mb-4 grid gap-1">
          <h2 className="text-lg font-semibold" data-testid="welcome-heading">
            {name ? `Welcome, ${name}` : "Welcome"}
          </h2>
          {person ? (
            <p className="text-sm text-muted-foreground">
              {link.data?.organisation
                ? `You have an account on ${link.data.organisation}'s fax portal. `
                : "You have an account on this fax portal. "}
              Your username is <span className="font-medium text-foreground">{person.username}</span>. Choose your
              password to start.
            </p>
          ) : null}
        </div>
        {passwordSet && signInState.error ? (
          <Alert variant="error" className="mb-4">
            Your password is set, but signing in did not work: {signInState.error}{" "}
            <a href="/login" className="text-primary underline">
              Sign in
            </a>
          </Alert>
        ) : null}
        <Form errors={errors} className="grid gap-4" onSubmit={submit}>
          <FormAlert />
          {newPassword.fields("password")}
          <Button type="submit" disabled={working || signingIn || passwordSet || !person}>
            {passwordSet ? "Signing you in…" : "Set password and sign in"}
          </Button>
        </Form>
      </CardContent>
    </Card>
  );
}
