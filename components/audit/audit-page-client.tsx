"use client";
/**
 * /admin/audit: who changed what, newest first, as sentences that link to the thing they name; the
 * details as labelled values. Platform admins also see which organisation, and each entry's time in
 * that organisation's zone (their own entries in UTC).
 */
import Link from "next/link";
import { useCallback, useState } from "react";
import { trpc } from "@/components/providers/trpc";
import { PageHeader } from "@/components/shell/page-header";
import { Alert } from "@/components/ui/alert";
import { DataTable } from "@/components/ui/data-table";
import { DateTime } from "@/components/ui/date-time";
import { Truncate } from "@/components/ui/truncate";
import { type AuditDescription, describeAddress, describeAudit, sentenceText } from "@/lib/audit/describe-audit";
import { AuditFilters, type AuditFilterValues } from "./audit-filters";

const PAGE_SIZE = 25;

export function AuditPageClient({ isPlatform }: { isPlatform: boolean }) {
  const [filters, setFilters] = useState<AuditFilterValues>({ search: "" });
  const [page, setPage] = useState(1);
  const [filterKey, setFilterKey] = useState(0);
  const onFilters = useCallback((next: AuditFilterValues) => {
    setFilters(next);
    setPage(1);
  }, []);
  const list = trpc.audit.list.useQuery({ ...filters, page, pageSize: PAGE_SIZE });
  const viewer = { platform: isPlatform };
  const rows = list.data
    ? {
        total: list.data.total,
        items: list.data.items.map((r) => ({
          ...r,
          described: describeAudit(
            {
              action: r.action,
              entityType: r.entityType,
              entityId: r.entityId,
              details: r.details,
              actor: r.actorDisplay,
              tenantName: r.tenant?.name ?? null,
              subjectName: r.subjectName,
            },
            viewer,
          ),
        })),
      }
    : undefined;

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
      <DataTable
        id="audit"
        label="Audit log entries"
        toolbar={<AuditFilters key={filterKey} onChange={onFilters} isPlatform={isPlatform} />}
        columns={[
          {
            id: "what",
            header: "What happened",
            sortValue: (r) => sentenceText(r.described.sentence),
            cell: (r) => <Sentence sentence={r.described.sentence} />,
          },
          {
            id: "when",
            header: "When",
            key: true,
            sortValue: (r) => r.createdAt,
            cell: (r) => (
              <DateTime value={r.createdAt} timeZone={r.tenant?.timeZone ?? "UTC"} className="md:whitespace-nowrap" />
            ),
          },
          isPlatform && {
            id: "organisation",
            header: "Organisation",
            optional: true,
            sortValue: (r) => r.tenant?.name ?? "",
            cell: (r) =>
              r.tenant ? (
                <Truncate text={r.tenant.name} className="max-w-40" />
              ) : (
                <span className="text-muted-foreground">Platform</span>
              ),
          },
          {
            id: "details",
            header: "Details",
            optional: true,
            cell: (r) => <Details details={r.described.details} />,
          },
          {
            id: "address",
            header: "Address",
            optional: true,
            sortValue: (r) => r.ip ?? "",
            cell: (r) => <span className="whitespace-nowrap">{describeAddress(r.ip)}</span>,
          },
        ]}
        data={rows}
        rowId={(r) => r.id}
        rowName={(r) => sentenceText(r.described.sentence)}
        empty={{
          title: "Nothing recorded yet.",
          next: "Changes to people, fax numbers, branding and settings are listed here as they happen.",
          noun: "entries",
          filtered: Boolean(filters.search || filters.action || filters.from || filters.to),
          onClearFilters: () => {
            setFilterKey((k) => k + 1);
            onFilters({ search: "" });
          },
        }}
        page={page}
        pageSize={PAGE_SIZE}
        onPage={setPage}
      />
    </>
  );
}

function Sentence({ sentence }: { sentence: AuditDescription["sentence"] }) {
  return (
    <span className="block min-w-48 break-words">
      {sentence.map((s, i) =>
        typeof s === "string" ? (
          // biome-ignore lint/suspicious/noArrayIndexKey: the parts of one sentence never move
          <span key={i}>{s}</span>
        ) : (
          // biome-ignore lint/suspicious/noArrayIndexKey: the parts of one sentence never move
          <Link key={i} href={s.href} className="font-medium text-primary underline-offset-4 hover:underline">
            {s.text}
          </Link>
        ),
      )}
    </span>
  );
}

function Details({ details }: { details: AuditDescription["details"] }) {
  if (details.length === 0) return <span className="text-muted-foreground">—</span>;
  return (
    <dl className="grid max-w-md grid-cols-[auto_minmax(0,1fr)] gap-x-3 gap-y-0.5 text-xs">
      {details.map((d) => (
        <div key={d.label} className="contents">
          <dt className="text-muted-foreground">{d.label}</dt>
          <dd className="min-w-0 break-words">{d.value}</dd>
        </div>
      ))}
    </dl>
  );
}
