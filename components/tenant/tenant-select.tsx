"use client";
import { NativeSelect } from "@/components/ui/input";
import { useTenantOptions } from "./tenant-options";

/** A tenant field in a form (platform admins); "" stands for `emptyLabel`, e.g. the platform pool. */
export function TenantSelect({
  id,
  value,
  onChange,
  emptyLabel,
  ariaLabel,
}: {
  id?: string;
  value: string;
  onChange: (tenantId: string) => void;
  emptyLabel: string;
  ariaLabel?: string;
}) {
  const tenants = useTenantOptions();
  return (
    <NativeSelect id={id} aria-label={ariaLabel} value={value} onChange={(e) => onChange(e.target.value)}>
      <option value="">{emptyLabel}</option>
      {tenants.items.map((t) => (
        <option key={t.id} value={t.id}>
          {t.name}
        </option>
      ))}
    </NativeSelect>
  );
}
