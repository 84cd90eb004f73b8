"use client";
import { Checkbox } from "@/components/ui/checkbox";
import { FIELD_NAME_ATTRIBUTE, useFormField } from "@/components/ui/form";
import { PERMISSIONS, type Permission } from "@/lib/roles";
import type { RoleChoices } from "@/lib/schemas/user";

/** "User" and "Organisation admin" may both be ticked (saved as organisation admin), as in the old portal. */
export function RoleCheckboxes({
  value,
  onChange,
  showPlatformAdmin,
  disabled,
}: {
  value: RoleChoices;
  onChange: (value: RoleChoices) => void;
  showPlatformAdmin: boolean;
  disabled?: boolean;
}) {
  const error = useFormField("roles");
  const tick = (key: keyof RoleChoices) => (e: React.ChangeEvent<HTMLInputElement>) =>
    onChange({ ...value, [key]: e.target.checked });
  // Each box points at the group's message, so focusing the first one explains the refusal.
  const invalid = error ? { "aria-invalid": true, "aria-describedby": "roles-error" } : {};
  return (
    <fieldset className="grid gap-2" disabled={disabled} {...{ [FIELD_NAME_ATTRIBUTE]: "roles" }}>
      <legend className="mb-1 text-sm font-medium">Roles</legend>
      <div className="flex flex-wrap gap-4">
        <Checkbox label="User" checked={value.user} onChange={tick("user")} {...invalid} />
        <Checkbox label="Organisation admin" checked={value.tenant} onChange={tick("tenant")} {...invalid} />
        {showPlatformAdmin ? (
          <Checkbox label="Platform admin" checked={value.admin} onChange={tick("admin")} {...invalid} />
        ) : null}
      </div>
      {error ? (
        <p id="roles-error" role="alert" className="text-xs text-destructive">
          {error}
        </p>
      ) : null}
    </fieldset>
  );
}

const PERMISSION_LABELS: Record<Permission, string> = {
  campaigns: "Campaigns",
  reports: "Reports",
  "read-only": "Read-only",
};

export function PermissionCheckboxes({
  value,
  onChange,
}: {
  value: Permission[];
  onChange: (value: Permission[]) => void;
}) {
  return (
    <fieldset className="grid gap-2">
      <legend className="mb-1 text-sm font-medium">Permissions</legend>
      <div className="flex flex-wrap gap-4">
        {PERMISSIONS.map((p) => (
          <Checkbox
            key={p}
            label={PERMISSION_LABELS[p]}
            checked={value.includes(p)}
            onChange={(e) => onChange(e.target.checked ? [...value, p] : value.filter((x) => x !== p))}
          />
        ))}
      </div>
    </fieldset>
  );
}
