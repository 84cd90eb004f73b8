"use client";
/** /admin/audit: who changed what, newest first; platform admins also see which tenant. */
import { useCallback, useState } from "react";
import { trpc } from "@/components/providers/trpc";
import { PageHeader } from "@/components/shell/page-header";
import { Alert } from "@/components/ui/alert";
import { ListTable } from "@/components/ui/list-table";
import { TD, TR } from "@/components/ui/table";
import { AuditFilters, type AuditFilterValues } from "./audit-filters";

const PAGE_SIZE = 25;

/** Details as one short line of JSON; the full text is in the cell's tooltip. */
function compactJson(details: unknown): { short: string; full: string } {
  const full =
    details == null || (typeof details === "object" && Object.keys(details).length === 0)
      ? ""
      : JSON.stringify(details);
  return { short: full.length > 120 ? `${full.slice(0, 119)}…` : full, full };
}

export function AuditPageClient({ isPlatform }: { isPlatform: boolean }) {
  const [filters, setFilters] = useState<AuditFilterValues>({ search: "" });
  const [page, setPage] = useState(1);
  const onFilters = useCallback((next: AuditFilterValues) => {
    setFilters(next);
    setPage(1);
  }, []);
  const list = trpc.audit.list.useQuery({ ...filters, page, pageSize: PAGE_SIZE });

  return (
    <>
      <PageHeader
        title="Audit log"
        description="Every administrative change: who made it, when, and from which address."
      />
      {list.error ? (
        <Alert variant="error" className="mb-4">
          {list.error.message}
        </Alert>
      ) : null}
      <ListTable
        label="Audit log entries"
        toolbar={<AuditFilters onChange={onFilters} />}
        headers={["When", isPlatform ? "Tenant" : null, "Who", "Action", "What", "Details", "Address"]}
        data={list.data}
        emptyText="No entries match."
        page={page}
        pageSize={PAGE_SIZE}
        onPage={setPage}
      >
        {(row) => {
          const details = compactJson(row.details);
          return (
            <TR key={row.id}>
              <TD className="whitespace-nowrap">{row.createdAt.toLocaleString()}</TD>
              {isPlatform ? (
                <TD>{row.tenant?.name ?? <span className="text-muted-foreground">Platform</span>}</TD>
              ) : null}
              <TD>{row.actorName}</TD>
              <TD>
                <code className="text-xs">{row.action}</code>
              </TD>
              <TD className="whitespace-nowrap">
                {row.entityType}
                {row.entityId ? (
                  <span className="ml-1 font-mono text-xs text-muted-foreground" title={row.entityId}>
                    {row.entityId.slice(0, 8)}
                  </span>
                ) : null}
              </TD>
              <TD className="max-w-md truncate font-mono text-xs" title={details.full}>
                {details.short || "—"}
              </TD>
              <TD className="whitespace-nowrap font-mono text-xs">{row.ip ?? "—"}</TD>
            </TR>
          );
        }}
      </ListTable>
    </>
  );
}
