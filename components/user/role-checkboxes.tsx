"use client";
import { Checkbox } from "@/components/ui/checkbox";
import { PERMISSIONS, type Permission } from "@/lib/roles";
import type { RoleChoices } from "@/lib/schemas/user";

/** "User" and "Tenant admin" may both be ticked (saved as tenant admin), as in the old portal. */
export function RoleCheckboxes({
  value,
  onChange,
  showPlatformAdmin,
  disabled,
  error,
}: {
  value: RoleChoices;
  onChange: (value: RoleChoices) => void;
  showPlatformAdmin: boolean;
  disabled?: boolean;
  error?: string;
}) {
  const tick = (key: keyof RoleChoices) => (e: React.ChangeEvent<HTMLInputElement>) =>
    onChange({ ...value, [key]: e.target.checked });
  return (
    <fieldset className="grid gap-2" disabled={disabled}>
      <legend className="mb-1 text-sm font-medium">Roles</legend>
      <div className="flex flex-wrap gap-4">
        <Checkbox label="User" checked={value.user} onChange={tick("user")} />
        <Checkbox label="Tenant admin" checked={value.tenant} onChange={tick("tenant")} />
        {showPlatformAdmin ? <Checkbox label="Platform admin" checked={value.admin} onChange={tick("admin")} /> : null}
      </div>
      {error ? (
        <p role="alert" className="text-xs text-destructive">
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
