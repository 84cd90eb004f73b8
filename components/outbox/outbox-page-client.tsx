"use client";
/**
 * /admin/outbox: every email the portal sent (in the embedded default, the only copy of it). Every
 * time in one zone, the page's, whichever organisation a message was for.
 */
import { useState } from "react";
import { trpc } from "@/components/providers/trpc";
import { PageHeader } from "@/components/shell/page-header";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { DataTable } from "@/components/ui/data-table";
import { DateTime, usePageTimeZone } from "@/components/ui/date-time";
import { Dialog } from "@/components/ui/dialog";
import { SearchInput } from "@/components/ui/search-input";
import { Truncate } from "@/components/ui/truncate";
import { useListParams } from "@/components/ui/use-list-params";
import { MessageDialog } from "./message-dialog";
import { StatusBadge } from "./status-badge";

const PAGE_SIZE = 25;

export function OutboxPageClient() {
  const { search, page, setPage, onSearch, clearSearch, filterKey } = useListParams();
  const [open, setOpen] = useState<{ id: string; subject: string } | null>(null);
  const list = trpc.mail.list.useQuery({ search, page, pageSize: PAGE_SIZE });
  const timeZone = usePageTimeZone();

  return (
    <>
      <PageHeader title="Mail outbox" description="Password resets and notifications the portal sent, newest first." />
      {list.error ? (
        <Alert variant="error" className="mb-4">
          {list.error.message}
        </Alert>
      ) : null}
      <DataTable
        id="outbox"
        label="Mail outbox"
        toolbar={
          <SearchInput key={filterKey} placeholder="Search recipient or subject" onSearch={onSearch} initial={search} />
        }
        columns={[
          {
            id: "to",
            header: "To",
            sortValue: (m) => m.to,
            cell: (m) => <Truncate text={m.to} className="max-w-56" />,
          },
          {
            id: "subject",
            header: "Subject",
            sortValue: (m) => m.subject,
            cell: (m) => <Truncate text={m.subject} className="max-w-sm" />,
          },
          {
            id: "organisation",
            header: "Organisation",
            optional: "hidden",
            sortValue: (m) => m.tenant?.name ?? "",
            cell: (m) => <Truncate text={m.tenant?.name ?? "Platform"} className="max-w-40" />,
          },
          {
            id: "transport",
            header: "Transport",
            optional: true,
            sortValue: (m) => m.transport,
            cell: (m) => m.transport,
          },
          {
            id: "status",
            header: "Status",
            optional: true,
            sortValue: (m) => m.status,
            cell: (m) => (
              <span title={m.error ?? undefined}>
                <StatusBadge status={m.status} />
              </span>
            ),
          },
          {
            id: "when",
            // One zone for the whole list (the page's), named once here and in each time.
            header: `When (${timeZone})`,
            optional: true,
            sortValue: (m) => m.createdAt,
            cell: (m) => <DateTime value={m.createdAt} />,
          },
        ]}
        data={list.data}
        rowId={(m) => m.id}
        rowName={(m) => m.subject}
        actions={(m) => (
          <Button
            variant="ghost"
            size="sm"
            aria-label={`View ${m.subject}`}
            onClick={() => setOpen({ id: m.id, subject: m.subject })}
          >
            View
          </Button>
        )}
        empty={{
          title: "No emails sent yet.",
          next: "Password resets, welcome emails and notifications appear here once the portal sends them.",
          noun: "emails",
          filtered: Boolean(search),
          onClearFilters: clearSearch,
        }}
        page={page}
        pageSize={PAGE_SIZE}
        onPage={setPage}
      />
      <Dialog open={open !== null} onOpenChange={(o) => !o && setOpen(null)}>
        {open ? <MessageDialog id={open.id} subject={open.subject} /> : null}
      </Dialog>
    </>
  );
}
