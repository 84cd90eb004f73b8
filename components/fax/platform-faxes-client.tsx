"use client";
/**
 * /admin/faxes: every organisation's sent faxes for platform admins — where, when, how it went, who
 * sent it and over which trunk. Metadata only: no title, no document, no pages, nothing to open.
 * Refreshed every 1.5 s while any shown fax is still active, like Send fax.
 */
import { useState } from "react";
import { trpc } from "@/components/providers/trpc";
import { PageHeader } from "@/components/shell/page-header";
import { TenantSelect } from "@/components/tenant/tenant-select";
import { DataTable } from "@/components/ui/data-table";
import { NativeSelect } from "@/components/ui/input";
import { PageAlerts } from "@/components/ui/page-alerts";
import { SearchInput } from "@/components/ui/search-input";
import { Truncate } from "@/components/ui/truncate";
import { useListParams } from "@/components/ui/use-list-params";
import { formatPhone } from "@/lib/phone";
import { FAX_LIST_STATUS_LABELS, FAX_LIST_STATUSES, type FaxListStatus } from "@/lib/schemas/fax";
import { FaxRowFacts, ShortTime, useSharedFaxColumns } from "./fax-columns";
import { isActive } from "./fax-status";

const PAGE_SIZE = 20;

export function PlatformFaxesClient() {
  const { search, page, setPage, onSearch, clearSearch, filterKey } = useListParams();
  const [status, setStatus] = useState<FaxListStatus>("all");
  const [tenantId, setTenantId] = useState("");
  const list = trpc.fax.listAll.useQuery(
    { search, page, pageSize: PAGE_SIZE, status, tenantId: tenantId || undefined },
    { refetchInterval: (q) => (q.state.data?.items.some(isActive) ? 1500 : false) },
  );
  type Row = NonNullable<typeof list.data>["items"][number];
  const shared = useSharedFaxColumns<Row>();
  const filtered = Boolean(search) || status !== "all" || Boolean(tenantId);
  return (
    <>
      <PageHeader
        title="Sent faxes"
        description="Every organisation's sent faxes and their status, live. Their titles, documents and pages stay with the organisation."
      />
      <PageAlerts notice={null} errors={[list.error]} />
      <DataTable<Row>
        id="sent-faxes-platform"
        label="Sent faxes of every organisation"
        toolbar={
          <div key={filterKey} className="flex flex-wrap items-center gap-2">
            <SearchInput onSearch={onSearch} placeholder="Search number, organisation, sender" />
            <div className="w-56">
              <TenantSelect
                ariaLabel="Filter by organisation"
                value={tenantId}
                emptyLabel="All organisations"
                onChange={(id) => {
                  setTenantId(id);
                  setPage(1);
                }}
              />
            </div>
            <div className="w-44">
              <NativeSelect
                aria-label="Filter by status"
                value={status}
                onChange={(e) => {
                  setStatus(e.target.value as FaxListStatus);
                  setPage(1);
                }}
              >
                {FAX_LIST_STATUSES.map((s) => (
                  <option key={s} value={s}>
                    {s === "all" ? "All statuses" : FAX_LIST_STATUS_LABELS[s]}
                  </option>
                ))}
              </NativeSelect>
            </div>
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
                <span className="font-medium whitespace-nowrap">{formatPhone(f.toNumber)}</span>
                {/* The organisation under the number, so the Status column has room on a phone. */}
                <FaxRowFacts
                  lines={[<Truncate key="org" text={f.tenant.name} className="max-w-48" />]}
                  phoneOnly={[<ShortTime key="at" value={f.submittedAt} />]}
                />
              </>
            ),
          },
          shared.status,
          {
            id: "pages",
            header: "Pages",
            sortValue: (f) => f.pages ?? 0,
            // An ended fax: pages delivered of all; one on its way says its page in the status.
            cell: (f) => (f.pages ? (f.pagesSent === null ? f.pages : `${f.pagesSent} of ${f.pages}`) : "—"),
          },
          shared.attempts,
          shared.callerId,
          {
            id: "user",
            header: "Sent by",
            optional: true,
            sortValue: (f) => f.user?.username ?? "",
            cell: (f) => <Truncate text={f.user?.username ?? "—"} className="max-w-32" />,
          },
          {
            id: "trunk",
            header: "SIP trunk",
            optional: "hidden",
            sortValue: (f) => f.trunk?.name ?? "",
            cell: (f) => <Truncate text={f.trunk?.name ?? "—"} className="max-w-32" />,
          },
          shared.submitted,
        ]}
        data={list.data}
        rowId={(f) => f.id}
        rowName={(f) => `${formatPhone(f.toNumber)} (${f.tenant.name})`}
        empty={{
          title: "No organisation has sent a fax yet.",
          noun: "faxes",
          filtered,
          onClearFilters: () => {
            clearSearch();
            setStatus("all");
            setTenantId("");
          },
        }}
        page={page}
        pageSize={PAGE_SIZE}
        onPage={setPage}
      />
    </>
  );
}
