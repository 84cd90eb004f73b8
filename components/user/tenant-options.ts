"use client";
import { trpc } from "@/components/providers/trpc";

/** Tenants for the platform admin's pickers (the filter and the new-user form). */
export function useTenantOptions(enabled: boolean) {
  const list = trpc.tenant.list.useQuery({ search: "", page: 1, pageSize: 200 }, { enabled });
  return list.data?.items.map((t) => ({ id: t.id, name: t.name })) ?? [];
}
