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
import { changePasswordSchema } from "@/lib/schemas/auth";
import { PASSWORD_MAX } from "@/lib/schemas/user";

export function ChangePasswordForm({ forced }: { forced: boolean }) {
  const router = useRouter();
  const [currentPassword, setCurrent] = useState("");
  const newPassword = useNewPassword();
  const change = trpc.auth.changePassword.useMutation({
    onSuccess: () => {
      router.push("/dashboard");
      router.refresh();
    },
  });
  // The password service names the new password "password"; here it is "newPassword".
  const errors = useFieldErrors(change.error, { aliases: { password: "newPassword" } });

  function submit(e: React.FormEvent) {
    e.preventDefault();
    const valid = errors.check(changePasswordSchema, { currentPassword, newPassword: newPassword.password });
    if (valid && newPassword.confirmed(errors)) change.mutate(valid);
  }

  return (
    <Card>
      <CardContent className="pt-5">
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
          <Button type="submit" disabled={change.isPending}>
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
