"use client";
/** Audit filters: free-text search, an action prefix and a date range (whole local days). */
import { useCallback, useState } from "react";
import { validate } from "@/components/ui/form-errors";
import { Input } from "@/components/ui/input";
import { Field } from "@/components/ui/label";
import { SearchInput } from "@/components/ui/search-input";
import { auditListSchema } from "@/lib/schemas/audit";

export interface AuditFilterValues {
  search: string;
  action?: string;
  from?: Date;
  to?: Date;
}

/** Common prefixes offered as suggestions; any other prefix works too. */
const ACTION_PREFIXES = ["branding.", "did.", "security-policy.", "tenant.", "trunk.", "user."];

export function AuditFilters({ onChange }: { onChange: (filters: AuditFilterValues) => void }) {
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
          <SearchInput placeholder="Action, person or type" onSearch={onSearch} />
        </div>
        <div className="w-44">
          <Field label="Action starts with" htmlFor="a-action">
            <Input
              id="a-action"
              list="a-action-prefixes"
              value={action}
              placeholder="e.g. user."
              onChange={(e) => {
                setAction(e.target.value);
                apply({ search, action: e.target.value, from, to });
              }}
            />
          </Field>
          <datalist id="a-action-prefixes">
            {ACTION_PREFIXES.map((p) => (
              <option key={p} value={p} />
            ))}
          </datalist>
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
