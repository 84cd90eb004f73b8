"use client";
import { useRouter } from "next/navigation";
import { trpc } from "@/components/providers/trpc";
import { useNewPassword } from "@/components/shell/new-password-fields";
import { Button } from "@/components/ui/button";
import { Card, CardContent } from "@/components/ui/card";

export function ResetPasswordForm({ token }: { token: string }) {
  const router = useRouter();
  const newPassword = useNewPassword();
  const reset = trpc.auth.resetPassword.useMutation({ onSuccess: () => router.push("/login?reset=done") });
  return (
    <Card>
      <CardContent className="pt-5">
        <form
          method="post"
          className="grid gap-4"
          onSubmit={(e) => {
            e.preventDefault();
            if (newPassword.confirmed()) reset.mutate({ token, password: newPassword.password });
          }}
        >
          {newPassword.fields(reset.error?.message)}
          <Button type="submit" disabled={reset.isPending}>
            Set new password
          </Button>
        </form>
      </CardContent>
    </Card>
  );
}
