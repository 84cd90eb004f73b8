"use client";
import { trpc } from "@/components/providers/trpc";

/** The most tenant.list returns in one page; past that, a search narrows the choice. */
const PAGE_SIZE = 200;

/** Tenants for a platform admin's pickers — the one query every tenant picker shares. */
export function useTenantOptions(opts: { enabled?: boolean; search?: string } = {}) {
  const search = opts.search ?? "";
  const list = trpc.tenant.list.useQuery({ search, page: 1, pageSize: PAGE_SIZE }, { enabled: opts.enabled ?? true });
  const items =
    list.data?.items.map((t) => ({ id: t.id, name: t.name, hostname: t.domains[0]?.hostname ?? null })) ?? [];
  return { items, total: list.data?.total ?? 0, isLoading: list.isLoading };
}
