"use client";
/** For platform admins: which organisation (tenant) a settings page (branding, security policy) edits. */
import { useCallback, useState } from "react";
import { NativeSelect } from "@/components/ui/input";
import { Field } from "@/components/ui/label";
import { SearchInput } from "@/components/ui/search-input";
import { useTenantOptions } from "./tenant-options";

export function TenantChooser({ value, onChange }: { value: string | null; onChange: (tenantId: string) => void }) {
  const [search, setSearch] = useState("");
  const onSearch = useCallback((v: string) => setSearch(v), []);
  const list = useTenantOptions({ search });
  const items = list.items;
  const many = list.total > items.length || search !== "";
  return (
    <div className="mb-6 flex flex-wrap items-end gap-3">
      <div className="w-full max-w-sm">
        <Field label="Organisation" htmlFor="tenant-select">
          <NativeSelect
            id="tenant-select"
            value={value ?? ""}
            onChange={(e) => e.target.value && onChange(e.target.value)}
          >
            <option value="" disabled>
              {list.isLoading ? "Loading organisations…" : "Choose an organisation…"}
            </option>
            {items.map((t) => (
              <option key={t.id} value={t.id}>
                {t.name}
                {t.hostname ? ` (${t.hostname})` : ""}
              </option>
            ))}
          </NativeSelect>
        </Field>
      </div>
      {many ? <SearchInput placeholder="Find an organisation by name or domain" onSearch={onSearch} /> : null}
    </div>
  );
}
