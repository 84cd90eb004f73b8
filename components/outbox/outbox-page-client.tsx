"use client";
/** /admin/outbox: every email the portal sent (in the embedded default, the only copy of it). */
import { useState } from "react";
import { trpc } from "@/components/providers/trpc";
import { PageHeader } from "@/components/shell/page-header";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { Dialog } from "@/components/ui/dialog";
import { ACTIONS_HEADER, ListTable } from "@/components/ui/list-table";
import { SearchInput } from "@/components/ui/search-input";
import { TD, TR } from "@/components/ui/table";
import { useListParams } from "@/components/ui/use-list-params";
import { MessageDialog } from "./message-dialog";
import { StatusBadge } from "./status-badge";

const PAGE_SIZE = 25;

export function OutboxPageClient() {
  const { search, page, setPage, onSearch } = useListParams();
  const [open, setOpen] = useState<{ id: string; subject: string } | null>(null);
  const list = trpc.mail.list.useQuery({ search, page, pageSize: PAGE_SIZE });

  return (
    <>
      <PageHeader title="Mail outbox" description="Password resets and notifications the portal sent, newest first." />
      {list.error ? (
        <Alert variant="error" className="mb-4">
          {list.error.message}
        </Alert>
      ) : null}
      <ListTable
        label="Mail outbox"
        toolbar={
          <div className="mb-3">
            <SearchInput placeholder="Search recipient or subject" onSearch={onSearch} />
          </div>
        }
        headers={["To", "Subject", "Transport", "Status", "When", ACTIONS_HEADER]}
        data={list.data}
        emptyText="No messages match."
        page={page}
        pageSize={PAGE_SIZE}
        onPage={setPage}
      >
        {(m) => (
          <TR key={m.id}>
            <TD>{m.to}</TD>
            <TD className="max-w-sm truncate" title={m.subject}>
              {m.subject}
            </TD>
            <TD>{m.transport}</TD>
            <TD>
              <span title={m.error ?? undefined}>
                <StatusBadge status={m.status} />
              </span>
            </TD>
            <TD className="whitespace-nowrap">{m.createdAt.toLocaleString()}</TD>
            <TD className="text-right">
              <Button variant="ghost" size="sm" onClick={() => setOpen({ id: m.id, subject: m.subject })}>
                View
              </Button>
            </TD>
          </TR>
        )}
      </ListTable>
      <Dialog open={open !== null} onOpenChange={(o) => !o && setOpen(null)}>
        {open ? <MessageDialog id={open.id} subject={open.subject} /> : null}
      </Dialog>
    </>
  );
}
