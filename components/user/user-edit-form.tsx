"use client";
import { useState } from "react";
import { trpc } from "@/components/providers/trpc";
import { Button } from "@/components/ui/button";
import { FormActions } from "@/components/ui/dialog";
import { Form, FormAlert } from "@/components/ui/form";
import { useFieldErrors } from "@/components/ui/form-errors";
import { Input } from "@/components/ui/input";
import { Field } from "@/components/ui/label";
import { PERMISSIONS, type Permission } from "@/lib/roles";
import { EMAIL_MAX } from "@/lib/schemas/common";
import {
  choicesFromRole,
  PERSON_NAME_MAX,
  PHONE_TEXT_MAX,
  type RoleChoices,
  userUpdateSchema,
} from "@/lib/schemas/user";
import { PermissionCheckboxes, RoleCheckboxes } from "./role-checkboxes";
import type { UserRow, Viewer } from "./user-row";

export function UserEditForm({
  user,
  viewer,
  onDone,
}: {
  user: UserRow;
  viewer: Viewer;
  onDone: (message: string) => void;
}) {
  const [v, setV] = useState({
    email: user.email,
    firstName: user.firstName,
    lastName: user.lastName,
    phone: user.phone ?? "",
  });
  const [roles, setRoles] = useState<RoleChoices>(choicesFromRole(user.role));
  const [permissions, setPermissions] = useState<Permission[]>(
    user.permissions.filter((p): p is Permission => (PERMISSIONS as readonly string[]).includes(p)),
  );
  const update = trpc.user.update.useMutation({ onSuccess: (u) => onDone(`User ${u.username} saved.`) });
  const errors = useFieldErrors(update.error);
  const { check } = errors;
  const text = (k: keyof typeof v) => (e: React.ChangeEvent<HTMLInputElement>) => setV({ ...v, [k]: e.target.value });
  const isSelf = user.id === viewer.id;
  const isPlatformAdmin = user.role === "PLATFORM_ADMIN";

  function submit(e: React.FormEvent) {
    e.preventDefault();
    const valid = check(userUpdateSchema, { id: user.id, ...v, phone: v.phone.trim() || null, roles, permissions });
    if (!valid) return;
    update.mutate(valid);
  }

  return (
    <Form errors={errors} onSubmit={submit} className="grid gap-4">
      <FormAlert />
      <p className="text-sm text-muted-foreground">
        Username: <span className="font-medium text-foreground">{user.username}</span>
      </p>
      <Field label="Email" htmlFor="e-email" name="email">
        <Input id="e-email" type="email" value={v.email} onChange={text("email")} maxLength={EMAIL_MAX} />
      </Field>
      <div className="grid grid-cols-2 gap-4">
        <Field label="First name" htmlFor="e-first" name="firstName">
          <Input id="e-first" value={v.firstName} onChange={text("firstName")} maxLength={PERSON_NAME_MAX} />
        </Field>
        <Field label="Last name" htmlFor="e-last" name="lastName">
          <Input id="e-last" value={v.lastName} onChange={text("lastName")} maxLength={PERSON_NAME_MAX} />
        </Field>
      </div>
      <Field label="Phone" htmlFor="e-phone" name="phone">
        <Input id="e-phone" type="tel" value={v.phone} onChange={text("phone")} maxLength={PHONE_TEXT_MAX} />
      </Field>
      {isPlatformAdmin ? (
        <p className="text-sm">
          Role: Platform admin <span className="text-muted-foreground">(platform accounts keep this role)</span>
        </p>
      ) : (
        <>
          <RoleCheckboxes value={roles} onChange={setRoles} showPlatformAdmin={false} disabled={isSelf} />
          {isSelf ? <p className="text-xs text-muted-foreground">You cannot change your own role.</p> : null}
          <PermissionCheckboxes value={permissions} onChange={setPermissions} />
        </>
      )}
      <FormActions>
        <Button type="submit" disabled={update.isPending}>
          Save
        </Button>
      </FormActions>
    </Form>
  );
}
