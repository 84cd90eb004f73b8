"use client";
import Link from "next/link";
import { useRouter } from "next/navigation";
import { useState } from "react";
import { trpc } from "@/components/providers/trpc";
import { useNewPassword } from "@/components/shell/new-password-fields";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { Card, CardContent } from "@/components/ui/card";
import { Form, FormAlert } from "@/components/ui/form";
import { useFieldErrors } from "@/components/ui/form-errors";
import { Input } from "@/components/ui/input";
import { Field } from "@/components/ui/label";
import { openStoredKeys } from "@/lib/auth/account-keys";
import { deriveCredentials } from "@/lib/auth/credentials";
import { setUnlockedKeys } from "@/lib/auth/key-store";
import { prepareNewPassword } from "@/lib/auth/new-password";
import { changePasswordFormSchema } from "@/lib/schemas/auth";
import { PASSWORD_MAX } from "@/lib/schemas/user";

export function ChangePasswordForm({ forced }: { forced: boolean }) {
  const router = useRouter();
  const [currentPassword, setCurrent] = useState("");
  const [deriving, setDeriving] = useState(false);
  const utils = trpc.useUtils();
  const keys = trpc.keys.mine.useQuery();
  // Whose password and which rules: the live checklist checks the name rule as the submit does.
  const me = trpc.auth.me.useQuery();
  const params = trpc.auth.myPasswordParams.useQuery();
  const newPassword = useNewPassword({ policy: params.data?.policy, person: me.data });
  const change = trpc.auth.changePassword.useMutation({
    onSuccess: () => {
      void utils.keys.mine.invalidate();
      void utils.auth.myPasswordParams.invalidate();
      router.push("/dashboard");
      router.refresh();
    },
  });
  // The password service names the new password "password"; here it is "newPassword".
  const errors = useFieldErrors(change.error, { aliases: { password: "newPassword" } });

  // Both passwords stay here: the current one becomes the auth key that proves it, the new one
  // is checked against the rules and becomes the credentials the server stores a hash of.
  async function submit(e: React.FormEvent) {
    e.preventDefault();
    const valid = errors.check(changePasswordFormSchema, { currentPassword, newPassword: newPassword.password });
    if (!valid || !newPassword.confirmed(errors)) return;
    setDeriving(true);
    try {
      // Fetched fresh, never from the cache: after an earlier change in this tab the cached sealed
      // key would still be the one sealed under the old password.
      const fresh = { staleTime: 0 };
      const [account, person, stored] = await Promise.all([
        utils.auth.myPasswordParams.fetch(undefined, fresh),
        utils.auth.me.fetch(),
        utils.keys.mine.fetch(undefined, fresh),
      ]);
      if (!account.current) {
        return errors.setErrors({ currentPassword: "Your current password is not correct." });
      }
      const current = await deriveCredentials(valid.currentPassword, account.current);
      // The same key pair, opened with the current password and re-sealed under the new one.
      const pair = stored ? await openStoredKeys(stored, current.unlockKey).catch(() => null) : undefined;
      current.unlockKey.fill(0);
      if (pair === null) {
        return errors.setErrors({ currentPassword: "Your current password is not correct." });
      }
      const next = await prepareNewPassword({
        password: valid.newPassword,
        policy: account.policy,
        person,
        kdf: account.next,
        keepPair: pair,
      });
      if (!next.ok) return errors.setErrors({ newPassword: next.message });
      next.derived.unlockKey.fill(0);
      change.mutate(
        { currentAuthKey: current.authKey, credentials: next.credentials },
        { onSuccess: () => pair && setUnlockedKeys(pair) },
      );
    } finally {
      setDeriving(false);
    }
  }

  return (
    <Card>
      <CardContent>
        {forced ? <Alert className="mb-4">Choose a new password before you continue.</Alert> : null}
        <Form errors={errors} className="grid gap-4" onSubmit={submit}>
          <FormAlert />
          <Field label="Current password" htmlFor="current" name="currentPassword">
            <Input
              id="current"
              type="password"
              autoComplete="current-password"
              value={currentPassword}
              onChange={(e) => setCurrent(e.target.value)}
              maxLength={PASSWORD_MAX}
              required
            />
          </Field>
          {newPassword.fields("newPassword")}
          {keys.data ? (
            <p className="text-xs text-muted-foreground">
              Your key (unchanged by a new password):{" "}
              <span className="font-mono" data-testid="key-fingerprint">
                {keys.data.publicKey.slice(0, 16).match(/.{4}/g)?.join(" ")}
              </span>
            </p>
          ) : null}
          <Button type="submit" disabled={change.isPending || deriving}>
            Change password
          </Button>
          {/* Outside the portal's frame, the way back (not offered while a new password is required). */}
          {forced ? null : (
            <Button asChild variant="outline">
              <Link href="/dashboard">Cancel</Link>
            </Button>
          )}
        </Form>
      </CardContent>
    </Card>
  );
}
