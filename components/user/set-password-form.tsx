"use client";
import { useState } from "react";
import { trpc } from "@/components/providers/trpc";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { Checkbox } from "@/components/ui/checkbox";
import { useFieldErrors } from "@/components/ui/form-errors";
import { userSetPasswordSchema } from "@/lib/schemas/user";
import { PasswordField } from "./password-field";
import type { UserRow, Viewer } from "./user-row";

/** An admin sets someone's password; the server applies their tenant's policy and signs them out. */
export function SetPasswordForm({
  user,
  viewer,
  onDone,
}: {
  user: UserRow;
  viewer: Viewer;
  onDone: (message: string) => void;
}) {
  const [password, setPassword] = useState("");
  const [mustChangePassword, setMustChange] = useState(true);
  const { check, fieldError } = useFieldErrors();
  const set = trpc.user.setPassword.useMutation({
    onSuccess: () => onDone(`Password set for ${user.username}. Their open sessions have been ended.`),
  });

  function submit(e: React.FormEvent) {
    e.preventDefault();
    const valid = check(userSetPasswordSchema, { id: user.id, password, mustChangePassword });
    if (!valid) return;
    set.mutate(valid);
  }

  // The site's live rules are this user's only when they share the admin's portal.
  const samePolicy = viewer.role === "PLATFORM_ADMIN" ? user.tenantId === null : true;
  return (
    <form method="post" onSubmit={submit} className="grid gap-4" noValidate>
      {set.error ? <Alert variant="error">{set.error.message}</Alert> : null}
      <PasswordField
        id="p-password"
        value={password}
        onChange={setPassword}
        error={fieldError("password", set.error)}
        showRules={samePolicy}
      />
      <Checkbox
        label="Must change password at next sign-in"
        checked={mustChangePassword}
        onChange={(e) => setMustChange(e.target.checked)}
      />
      <div className="flex justify-end gap-2">
        <Button type="submit" disabled={set.isPending}>
          Set password
        </Button>
      </div>
    </form>
  );
}
