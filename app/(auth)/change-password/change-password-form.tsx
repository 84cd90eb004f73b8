"use client";
import { useRouter } from "next/navigation";
import { useState } from "react";
import { trpc } from "@/components/providers/trpc";
import { useNewPassword } from "@/components/shell/new-password-fields";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { Card, CardContent } from "@/components/ui/card";
import { Input } from "@/components/ui/input";
import { Field } from "@/components/ui/label";

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
  return (
    <Card>
      <CardContent className="pt-5">
        {forced ? <Alert className="mb-4">Choose a new password before you continue.</Alert> : null}
        <form
          method="post"
          className="grid gap-4"
          onSubmit={(e) => {
            e.preventDefault();
            if (newPassword.confirmed()) change.mutate({ currentPassword, newPassword: newPassword.password });
          }}
        >
          <Field label="Current password" htmlFor="current">
            <Input
              id="current"
              type="password"
              autoComplete="current-password"
              value={currentPassword}
              onChange={(e) => setCurrent(e.target.value)}
              required
            />
          </Field>
          {newPassword.fields(change.error?.message)}
          <Button type="submit" disabled={change.isPending}>
            Change password
          </Button>
        </form>
      </CardContent>
    </Card>
  );
}
