"use client";
import { useState } from "react";
import { trpc } from "@/components/providers/trpc";
import { Button } from "@/components/ui/button";
import { Checkbox } from "@/components/ui/checkbox";
import { FormActions } from "@/components/ui/dialog";
import { Form, FormAlert } from "@/components/ui/form";
import { useFieldErrors } from "@/components/ui/form-errors";
import { Input } from "@/components/ui/input";
import { Field } from "@/components/ui/label";
import { prepareNewPassword } from "@/lib/auth/new-password";
import { newKdfParams } from "@/lib/crypto/key-schedule";
import type { Permission } from "@/lib/roles";
import { EMAIL_MAX } from "@/lib/schemas/common";
import {
  PERSON_NAME_MAX,
  PHONE_TEXT_MAX,
  type RoleChoices,
  USERNAME_MAX,
  userCreateFormSchema,
} from "@/lib/schemas/user";
import { MustChangeCheckbox } from "./must-change-checkbox";
import { PasswordField } from "./password-field";
import { PermissionCheckboxes, RoleCheckboxes } from "./role-checkboxes";
import type { Viewer } from "./user-row";

/** The tenant picker's value: "" nothing chosen yet, PLATFORM for a platform admin, else a tenant id. */
const PLATFORM = "platform";

export function UserCreateForm({ viewer, onDone }: { viewer: Viewer; onDone: (message: string) => void }) {
  const isPlatform = viewer.role === "PLATFORM_ADMIN";
  const [v, setV] = useState({
    // Platform admins add only platform admins: an organisation's people are added by its own admins.
    tenant: isPlatform ? PLATFORM : (viewer.tenantId ?? ""),
    email: "",
    useEmailAsUsername: true,
    username: "",
    firstName: "",
    lastName: "",
    phone: "",
    password: "",
    mustChangePassword: true,
  });
  const [roles, setRoles] = useState<RoleChoices>(
    isPlatform ? { user: false, tenant: false, admin: true } : { user: true, tenant: false, admin: false },
  );
  const [permissions, setPermissions] = useState<Permission[]>([]);
  const create = trpc.user.create.useMutation({ onSuccess: (u) => onDone(`User ${u.username} created.`) });
  // Signing in with the email, a refused username is about the Email field.
  const errors = useFieldErrors(create.error, { aliases: v.useEmailAsUsername ? { username: "email" } : {} });
  const { check } = errors;
  const [deriving, setDeriving] = useState(false);
  const utils = trpc.useUtils();
  const text =
    (k: "email" | "username" | "firstName" | "lastName" | "phone") => (e: React.ChangeEvent<HTMLInputElement>) =>
      setV({ ...v, [k]: e.target.value });
  const noTenant = isPlatform && v.tenant === PLATFORM;
  // The chosen organisation's rules and whether its policy demands a change at first sign-in.
  const target = isPlatform ? (noTenant ? undefined : v.tenant || undefined) : undefined;
  const policy = trpc.securityPolicy.get.useQuery({ tenantId: target }, { enabled: !isPlatform || !!target });
  const policyForces = noTenant || !!policy.data?.forceChangeOnFirstLogin;

  async function submit(e: React.FormEvent) {
    e.preventDefault();
    const valid = check(userCreateFormSchema, {
      tenantId: v.tenant === PLATFORM ? null : v.tenant || undefined,
      email: v.email,
      useEmailAsUsername: v.useEmailAsUsername,
      username: v.useEmailAsUsername ? undefined : v.username,
      firstName: v.firstName,
      lastName: v.lastName,
      phone: v.phone || undefined,
      roles,
      permissions,
      password: v.password,
      mustChangePassword: v.mustChangePassword,
    });
    if (!valid) return;
    // The password stays here: checked against the tenant's rules, then turned into credentials
    // with a fresh salt at today's cost.
    setDeriving(true);
    try {
      const rules = await utils.user.newPasswordRules.fetch({ tenantId: valid.tenantId });
      const person = { username: valid.useEmailAsUsername ? valid.email : valid.username, ...valid };
      const next = await prepareNewPassword({
        password: valid.password,
        policy: rules.policy,
        person,
        owner: "them",
        kdf: await newKdfParams(rules.kdfCost),
      });
      if (!next.ok) return errors.setErrors({ password: next.message });
      const { password: _typed, ...rest } = valid;
      create.mutate({ ...rest, credentials: next.credentials });
    } finally {
      setDeriving(false);
    }
  }

  return (
    <Form errors={errors} onSubmit={submit} className="grid gap-4">
      <FormAlert />
      {isPlatform ? (
        <p className="text-sm text-muted-foreground">
          This adds a platform admin. An organisation's people are added by its own organisation admins; you name its
          first admin when you create the organisation.
        </p>
      ) : null}
      <Field label="Email" htmlFor="u-email" name="email">
        <Input
          id="u-email"
          type="email"
          value={v.email}
          onChange={text("email")}
          autoComplete="off"
          maxLength={EMAIL_MAX}
        />
      </Field>
      <Checkbox
        label="Use email as username"
        checked={v.useEmailAsUsername}
        onChange={(e) => setV({ ...v, useEmailAsUsername: e.target.checked })}
      />
      {v.useEmailAsUsername ? null : (
        <Field
          label="Username"
          htmlFor="u-username"
          name="username"
          hint="Letters, digits and . _ - @ +; stored in lower case."
        >
          <Input
            id="u-username"
            value={v.username}
            onChange={text("username")}
            autoComplete="off"
            maxLength={USERNAME_MAX}
          />
        </Field>
      )}
      <div className="grid grid-cols-2 gap-4">
        <Field label="First name" htmlFor="u-first" name="firstName">
          <Input id="u-first" value={v.firstName} onChange={text("firstName")} maxLength={PERSON_NAME_MAX} />
        </Field>
        <Field label="Last name" htmlFor="u-last" name="lastName">
          <Input id="u-last" value={v.lastName} onChange={text("lastName")} maxLength={PERSON_NAME_MAX} />
        </Field>
      </div>
      <Field label="Phone" htmlFor="u-phone" name="phone">
        <Input id="u-phone" type="tel" value={v.phone} onChange={text("phone")} maxLength={PHONE_TEXT_MAX} />
      </Field>
      <PasswordField
        id="u-password"
        value={v.password}
        onChange={(password) => setV({ ...v, password })}
        name="password"
        showRules={noTenant}
        policy={noTenant ? null : policy.data}
        person={{
          username: v.useEmailAsUsername ? v.email : v.username,
          email: v.email,
          firstName: v.firstName,
          lastName: v.lastName,
        }}
      />
      <MustChangeCheckbox
        checked={v.mustChangePassword}
        onChange={(mustChangePassword) => setV({ ...v, mustChangePassword })}
        policyForces={policyForces}
      />
      {isPlatform ? null : <RoleCheckboxes value={roles} onChange={setRoles} showPlatformAdmin={false} />}
      {noTenant ? null : <PermissionCheckboxes value={permissions} onChange={setPermissions} />}
      {v.email && v.useEmailAsUsername ? (
        <p className="text-xs text-muted-foreground">Signs in as {v.email.trim().toLowerCase()}</p>
      ) : null}
      <FormActions>
        <Button type="submit" disabled={create.isPending || deriving}>
          Create user
        </Button>
      </FormActions>
    </Form>
  );
}
