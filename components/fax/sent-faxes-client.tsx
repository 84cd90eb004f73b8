"use client";
/**
 * Sent faxes: every outbound fax with its live status (lib/fax-job-status.ts: Waiting to send →
 * Attempt 1 of 2 — dialling → … sending page k of n → Delivered, or Failed — the reason), refreshed
 * every 1.5 s while any shown fax is still active.
 */
import Link from "next/link";
import { useState } from "react";
import { useDocumentKeys } from "@/components/document/use-document-keys";
import { UnlockDocuments } from "@/components/keys/unlock-documents";
import { trpc } from "@/components/providers/trpc";
import { PageHeader } from "@/components/shell/page-header";
import { Button } from "@/components/ui/button";
import { DataTable } from "@/components/ui/data-table";
import { PageAlerts } from "@/components/ui/page-alerts";
import { SearchInput } from "@/components/ui/search-input";
import { Truncate } from "@/components/ui/truncate";
import { useListParams } from "@/components/ui/use-list-params";
import { formatPhone } from "@/lib/phone";
import { FAX_LIST_STATUS_LABELS, FAX_LIST_STATUSES, type FaxListStatus } from "@/lib/schemas/fax";
import { FaxRowFacts, ShortTime, useSharedFaxColumns } from "./fax-columns";
import { isActive } from "./fax-status";
import { useFaxTitles } from "./fax-title";
import { ResultEmailSetting } from "./result-email-setting";

export function SentFaxesClient({ isAdmin, notice }: { isAdmin: boolean; notice?: string | null }) {
  const { search, page, setPage, onSearch, clearSearch, filterKey } = useListParams();
  const [status, setStatus] = useState<FaxListStatus>("all");
  const list = trpc.fax.list.useQuery(
    { search, page, pageSize: 20, status },
    { refetchInterval: (q) => (q.state.data?.items.some(isActive) ? 1500 : false) },
  );
  const { me, tenant } = useDocumentKeys();
  const titles = useFaxTitles(list.data?.items, me, tenant);
  type Row = NonNullable<typeof list.data>["items"][number];
  const shared = useSharedFaxColumns<Row>();
  const filtered = Boolean(search) || status !== "all";
  return (
    <>
      <PageHeader
        title="Send fax"
        description="Your sent faxes and their status, live. A fax is retried as its policy says when a line is busy or does not answer."
        actions={
          <Button asChild>
            <Link href="/send/new">New fax</Link>
          </Button>
        }
      />
      <PageAlerts notice={notice ?? null} errors={[list.error]} />
      <UnlockDocuments why="Enter your password to see your faxes' titles." />
      <DataTable<Row>
        id="sent-faxes"
        label="Sent faxes"
        toolbar={
          <div key={filterKey} className="flex flex-wrap items-center gap-2">
            <SearchInput onSearch={onSearch} placeholder="Search number or sender" />
            <label className="flex items-center gap-2 text-sm">
              Status
              <select
                className="h-9 rounded-md border bg-background px-2"
                value={status}
                onChange={(e) => {
                  setStatus(e.target.value as FaxListStatus);
                  setPage(1);
                }}
              >
                {FAX_LIST_STATUSES.map((s) => (
                  <option key={s} value={s}>
                    {FAX_LIST_STATUS_LABELS[s]}
                  </option>
                ))}
              </select>
            </label>
          </div>
        }
        columns={[
          {
            id: "to",
            header: "To",
            key: true,
            sortValue: (f) => f.toNumber,
            cell: (f) => (
              <>
                <Link href={`/send/${f.id}`} className="font-medium whitespace-nowrap text-primary hover:underline">
                  {formatPhone(f.toNumber)}
                </Link>
                {/* The title (decrypted in this browser; "…" while the keys open) and when: two faxes
                    to one number read apart, on a phone too. */}
                <FaxRowFacts
                  lines={[
                    <Truncate
                      key="title"
                      text={titles[f.id] ?? (me ? "…" : "Title hidden until you enter your password")}
                      className="max-w-48"
                    />,
                  ]}
                  phoneOnly={[
                    <ShortTime key="at" value={f.submittedAt} />,
                    f.pages ? `${f.pages} ${f.pages === 1 ? "page" : "pages"}` : null,
                  ]}
                />
              </>
            ),
          },
          shared.status,
          { id: "pages", header: "Pages", sortValue: (f) => f.pages ?? 0, cell: (f) => f.pages ?? "—" },
          shared.attempts,
          shared.callerId,
          isAdmin
            ? {
                id: "user",
                header: "Sent by",
                sortValue: (f: Row) => f.user?.username ?? "",
                cell: (f: Row) => f.user?.username ?? "—",
              }
            : null,
          shared.submitted,
        ]}
        data={list.data}
        rowId={(f) => f.id}
        rowName={(f) => formatPhone(f.toNumber)}
        // On a phone the number itself opens the fax.
        actionsOnPhones={false}
        actions={(f) => (
          <Button asChild variant="ghost" size="sm">
            <Link href={`/send/${f.id}`} aria-label={`Details of the fax to ${formatPhone(f.toNumber)}`}>
              Details
            </Link>
          </Button>
        )}
        empty={{
          title: "No faxes sent yet.",
          next: (
            <Link href="/send/new" className="text-primary hover:underline">
              Send your first fax
            </Link>
          ),
          noun: "faxes",
          filtered,
          onClearFilters: () => {
            clearSearch();
            setStatus("all");
          },
        }}
        page={page}
        pageSize={20}
        onPage={setPage}
      />
      <ResultEmailSetting />
    </>
  );
}
