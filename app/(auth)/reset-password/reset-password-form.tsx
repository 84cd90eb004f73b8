"use client";
import { useRouter } from "next/navigation";
import { trpc } from "@/components/providers/trpc";
import { useNewPassword } from "@/components/shell/new-password-fields";
import { Button } from "@/components/ui/button";
import { Card, CardContent } from "@/components/ui/card";
import { Form, FormAlert } from "@/components/ui/form";
import { useFieldErrors } from "@/components/ui/form-errors";
import { resetPasswordSchema } from "@/lib/schemas/auth";

export function ResetPasswordForm({ token }: { token: string }) {
  const router = useRouter();
  const newPassword = useNewPassword();
  const reset = trpc.auth.resetPassword.useMutation({ onSuccess: () => router.push("/login?reset=done") });
  const errors = useFieldErrors(reset.error);

  function submit(e: React.FormEvent) {
    e.preventDefault();
    const valid = errors.check(resetPasswordSchema, { token, password: newPassword.password });
    if (valid && newPassword.confirmed(errors)) reset.mutate(valid);
  }

  return (
    <Card>
      <CardContent className="pt-5">
        <Form errors={errors} className="grid gap-4" onSubmit={submit}>
          <FormAlert />
          {newPassword.fields("password")}
          <Button type="submit" disabled={reset.isPending}>
            Set new password
          </Button>
        </Form>
      </CardContent>
    </Card>
  );
}
