"use client";
import { useRouter } from "next/navigation";
import { useState } from "react";
import { trpc } from "@/components/providers/trpc";
import { useNewPassword } from "@/components/shell/new-password-fields";
import { Button } from "@/components/ui/button";
import { Card, CardContent } from "@/components/ui/card";
import { Form, FormAlert } from "@/components/ui/form";
import { useFieldErrors } from "@/components/ui/form-errors";
import { prepareNewPassword } from "@/lib/auth/new-password";
import { resetPasswordFormSchema } from "@/lib/schemas/auth";

/**
 * Reset and welcome links. The new password stays in this page: the link's account parameters and
 * rules are fetched, the rules checked here, and only the derived credentials are sent.
 */
export function ResetPasswordForm({ token }: { token: string }) {
  const router = useRouter();
  const utils = trpc.useUtils();
  // The link's person and rules, for the live checklist (a bad link is reported on submit).
  const link = trpc.auth.resetParams.useQuery({ token }, { enabled: !!token, retry: false });
  const newPassword = useNewPassword({ policy: link.data?.policy, person: link.data?.person });
  const reset = trpc.auth.resetPassword.useMutation({ onSuccess: () => router.push("/login?reset=done") });
  // An invalid or used link is refused when the parameters are asked for, like a refused submit.
  const [linkError, setLinkError] = useState<unknown>(null);
  const errors = useFieldErrors(reset.error ?? linkError);
  const [deriving, setDeriving] = useState(false);

  async function submit(e: React.FormEvent) {
    e.preventDefault();
    const valid = errors.check(resetPasswordFormSchema, { token, password: newPassword.password });
    if (!valid || !newPassword.confirmed(errors)) return;
    setDeriving(true);
    try {
      const params = await utils.auth.resetParams.fetch({ token }, { staleTime: 0 }).catch((error: unknown) => {
        setLinkError(error);
        return null;
      });
      if (!params) return;
      const next = await prepareNewPassword({ password: valid.password, ...params });
      if (!next.ok) return errors.setErrors({ password: next.message });
      reset.mutate({ token, credentials: next.credentials });
    } finally {
      setDeriving(false);
    }
  }

  return (
    <Card>
      <CardContent>
        <Form errors={errors} className="grid gap-4" onSubmit={submit}>
          <FormAlert />
          {newPassword.fields("password")}
          <Button type="submit" disabled={reset.isPending || deriving}>
            Set new password
          </Button>
        </Form>
      </CardContent>
    </Card>
  );
}
