"use client";
import { trpc } from "@/components/providers/trpc";
import { NativeSelect } from "@/components/ui/input";

/** Tenants to pick from (platform admins); "" stands for the platform pool. */
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
  const tenants = trpc.tenant.list.useQuery({ search: "", page: 1, pageSize: 200 });
  return (
    <NativeSelect id={id} aria-label={ariaLabel} value={value} onChange={(e) => onChange(e.target.value)}>
      <option value="">{emptyLabel}</option>
      {tenants.data?.items.map((t) => (
        <option key={t.id} value={t.id}>
          {t.name}
        </option>
      ))}
    </NativeSelect>
  );
}
