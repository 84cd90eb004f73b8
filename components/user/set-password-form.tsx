"use client";
import { useState } from "react";
import { trpc } from "@/components/providers/trpc";
import { Button } from "@/components/ui/button";
import { FormActions } from "@/components/ui/dialog";
import { Form, FormAlert } from "@/components/ui/form";
import { useFieldErrors } from "@/components/ui/form-errors";
import { prepareNewPassword } from "@/lib/auth/new-password";
import { userSetPasswordFormSchema } from "@/lib/schemas/user";
import { MustChangeCheckbox } from "./must-change-checkbox";
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
  const set = trpc.user.setPassword.useMutation({
    onSuccess: () => onDone(`Password set for ${user.username}. Their open sessions have been ended.`),
  });
  const errors = useFieldErrors(set.error);
  const { check } = errors;
  const [deriving, setDeriving] = useState(false);
  const utils = trpc.useUtils();

  // The typed password stays in this browser: checked against the person's tenant rules, then
  // derived with the person's own salt into the credentials the server stores a hash of.
  async function submit(e: React.FormEvent) {
    e.preventDefault();
    const valid = check(userSetPasswordFormSchema, { id: user.id, password, mustChangePassword });
    if (!valid) return;
    setDeriving(true);
    try {
      const params = await utils.user.passwordParams.fetch({ id: user.id }, { staleTime: 0 });
      const next = await prepareNewPassword({ password: valid.password, ...params, owner: "them" });
      if (!next.ok) return errors.setErrors({ password: next.message });
      set.mutate({ id: user.id, credentials: next.credentials, mustChangePassword: valid.mustChangePassword });
    } finally {
      setDeriving(false);
    }
  }

  // The site's live rules are this user's only when they share the admin's portal.
  const samePolicy = viewer.role === "PLATFORM_ADMIN" ? user.tenantId === null : true;
  const target = viewer.role === "PLATFORM_ADMIN" ? (user.tenantId ?? undefined) : undefined;
  const policy = trpc.securityPolicy.get.useQuery(
    { tenantId: target },
    { enabled: viewer.role !== "PLATFORM_ADMIN" || !!target },
  );
  const policyForces = user.tenantId === null || !!policy.data?.forceChangeOnFirstLogin;
  return (
    <Form errors={errors} onSubmit={submit} className="grid gap-4">
      <FormAlert />
      <PasswordField
        id="p-password"
        value={password}
        onChange={setPassword}
        name="password"
        showRules={samePolicy}
        policy={samePolicy ? null : policy.data}
        person={user}
      />
      <MustChangeCheckbox checked={mustChangePassword} onChange={setMustChange} policyForces={policyForces} />
      <FormActions>
        <Button type="submit" disabled={set.isPending || deriving}>
          Set password
        </Button>
      </FormActions>
    </Form>
  );
}
