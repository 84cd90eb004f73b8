"use client";
/** Audit filters: free-text search, a kind of change and a date range (whole local days). */
import { useCallback, useState } from "react";
import { validate } from "@/components/ui/form-errors";
import { Input, NativeSelect } from "@/components/ui/input";
import { Field } from "@/components/ui/label";
import { SearchInput } from "@/components/ui/search-input";
import { auditListSchema } from "@/lib/schemas/audit";

export interface AuditFilterValues {
  search: string;
  action?: string;
  from?: Date;
  to?: Date;
}

/** The kinds of change people look for, each an action prefix the server filters by. */
const KINDS = [
  { prefix: "user.", label: "People" },
  { prefix: "did.", label: "Fax numbers" },
  { prefix: "branding.", label: "Branding and domains" },
  { prefix: "security-policy.", label: "Security policy" },
  { prefix: "tenant.", label: "Organisation settings" },
  { prefix: "trunk.", label: "SIP trunks", platformOnly: true },
];

export function AuditFilters({
  onChange,
  isPlatform,
}: {
  onChange: (filters: AuditFilterValues) => void;
  isPlatform: boolean;
}) {
  const [search, setSearch] = useState("");
  const [action, setAction] = useState("");
  const [from, setFrom] = useState("");
  const [to, setTo] = useState("");
  const [error, setError] = useState<string | null>(null);

  const apply = useCallback(
    (next: { search: string; action: string; from: string; to: string }) => {
      const filters = {
        search: next.search,
        action: next.action.trim() || undefined,
        from: next.from ? new Date(`${next.from}T00:00:00`) : undefined,
        to: next.to ? new Date(`${next.to}T23:59:59.999`) : undefined, // the end day is included
      };
      const r = validate(auditListSchema, filters);
      if (!r.ok) return setError(Object.values(r.errors)[0] ?? "Check the filters");
      setError(null);
      onChange(filters);
    },
    [onChange],
  );
  const onSearch = useCallback(
    (value: string) => {
      setSearch(value);
      apply({ search: value, action, from, to });
    },
    [apply, action, from, to],
  );

  return (
    <div className="mb-3 grid gap-2">
      <div className="flex flex-wrap items-end gap-3">
        <div className="grid gap-1.5">
          <span className="text-sm font-medium">Search</span>
          <SearchInput placeholder="Person or change" onSearch={onSearch} />
        </div>
        <div className="w-48">
          <Field label="Kind" htmlFor="a-action">
            <NativeSelect
              id="a-action"
              value={action}
              onChange={(e) => {
                setAction(e.target.value);
                apply({ search, action: e.target.value, from, to });
              }}
            >
              <option value="">Every change</option>
              {KINDS.filter((k) => isPlatform || !k.platformOnly).map((k) => (
                <option key={k.prefix} value={k.prefix}>
                  {k.label}
                </option>
              ))}
            </NativeSelect>
          </Field>
        </div>
        <div className="w-40">
          <Field label="From" htmlFor="a-from">
            <Input
              id="a-from"
              type="date"
              value={from}
              onChange={(e) => {
                setFrom(e.target.value);
                apply({ search, action, from: e.target.value, to });
              }}
            />
          </Field>
        </div>
        <div className="w-40">
          <Field label="To" htmlFor="a-to">
            <Input
              id="a-to"
              type="date"
              value={to}
              onChange={(e) => {
                setTo(e.target.value);
                apply({ search, action, from, to: e.target.value });
              }}
            />
          </Field>
        </div>
      </div>
      {error ? (
        <p role="alert" className="text-xs text-destructive">
          {error}
        </p>
      ) : null}
    </div>
  );
}
