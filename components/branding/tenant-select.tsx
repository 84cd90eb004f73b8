"use client";
/** For platform admins: which tenant a branding or security-policy page edits. */
import { useCallback, useState } from "react";
import { trpc } from "@/components/providers/trpc";
import { NativeSelect } from "@/components/ui/input";
import { Field } from "@/components/ui/label";
import { SearchInput } from "@/components/ui/search-input";

const PAGE_SIZE = 200; // the most tenant.list returns; past that, search narrows the choice

export function TenantSelect({ value, onChange }: { value: string | null; onChange: (tenantId: string) => void }) {
  const [search, setSearch] = useState("");
  const onSearch = useCallback((v: string) => setSearch(v), []);
  const list = trpc.tenant.list.useQuery({ search, page: 1, pageSize: PAGE_SIZE });
  const items = list.data?.items ?? [];
  const many = (list.data?.total ?? 0) > items.length || search !== "";
  return (
    <div className="mb-6 flex flex-wrap items-end gap-3">
      <div className="w-full max-w-sm">
        <Field label="Tenant" htmlFor="tenant-select">
          <NativeSelect
            id="tenant-select"
            value={value ?? ""}
            onChange={(e) => e.target.value && onChange(e.target.value)}
          >
            <option value="" disabled>
              {list.isLoading ? "Loading tenants…" : "Choose a tenant…"}
            </option>
            {items.map((t) => (
              <option key={t.id} value={t.id}>
                {t.name}
                {t.domains[0] ? ` (${t.domains[0].hostname})` : ""}
              </option>
            ))}
          </NativeSelect>
        </Field>
      </div>
      {many ? <SearchInput placeholder="Find a tenant by name or domain" onSearch={onSearch} /> : null}
    </div>
  );
}
