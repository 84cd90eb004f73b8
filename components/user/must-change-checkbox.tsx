"use client";
import { Checkbox } from "@/components/ui/checkbox";

/**
 * "Must change password at next sign-in" for a password an admin types. When the organisation's
 * policy requires it the server sets it anyway (server/auth/admin-typed-password.ts), so the box
 * shows ticked and fixed, saying why.
 */
export function MustChangeCheckbox({
  checked,
  onChange,
  policyForces,
}: {
  checked: boolean;
  onChange: (checked: boolean) => void;
  policyForces: boolean;
}) {
  return (
    <div className="grid gap-1">
      <Checkbox
        label="Must change password at next sign-in"
        checked={checked || policyForces}
        disabled={policyForces}
        onChange={(e) => onChange(e.target.checked)}
      />
      {policyForces ? (
        <p className="text-xs text-muted-foreground">
          Required by the security policy: a password someone else typed is changed at first sign-in.
        </p>
      ) : null}
    </div>
  );
}
