"use client";
/** A user's own fax numbers and their Fax to Email setting. */
import { useState } from "react";
import { trpc } from "@/components/providers/trpc";
import { PageHeader } from "@/components/shell/page-header";
import { Button } from "@/components/ui/button";
import { DataTable } from "@/components/ui/data-table";
import { Dialog, DialogContent } from "@/components/ui/dialog";
import { PageAlerts } from "@/components/ui/page-alerts";
import { Truncate } from "@/components/ui/truncate";
import { DidForwardForm } from "./did-forward-form";
import { formatPhone, forwardLabel } from "./did-labels";

type MyDid = {
  id: string;
  number: string;
  title: string;
  forward: "NONE" | "EMAIL";
  forwardEmail: string | null;
};

export function MyDidsClient() {
  const [editing, setEditing] = useState<MyDid | null>(null);
  const [notice, setNotice] = useState<string | null>(null);
  const utils = trpc.useUtils();
  const mine = trpc.did.mine.useQuery();
  const data = mine.data ? { items: mine.data, total: mine.data.length } : undefined;

  return (
    <>
      <PageHeader
        title="My fax numbers"
        description="The fax numbers that reach you. Forward a number to have its faxes emailed to you too."
      />
      <PageAlerts notice={notice} errors={[mine.error]} />
      <DataTable
        id="my-fax-numbers"
        label="Your fax numbers"
        columns={[
          {
            id: "number",
            header: "Number",
            sortValue: (d) => d.number,
            cell: (d) => <span className="font-medium whitespace-nowrap">{formatPhone(d.number)}</span>,
          },
          {
            id: "title",
            header: "Title",
            sortValue: (d) => d.title,
            cell: (d) => <Truncate text={d.title || "—"} className="max-w-56" />,
          },
          {
            id: "forwarding",
            header: "Forwarding",
            sortValue: (d) => d.forwardEmail ?? "",
            cell: (d) => <Truncate text={forwardLabel(d)} className="max-w-64" />,
          },
        ]}
        data={data}
        rowId={(d) => d.id}
        rowName={(d) => formatPhone(d.number)}
        actions={(d) => (
          <Button
            variant="ghost"
            size="sm"
            aria-label={`Forward ${formatPhone(d.number)}`}
            onClick={() => {
              setNotice(null);
              setEditing(d);
            }}
          >
            Forward
          </Button>
        )}
        empty={{
          title: "No fax numbers are assigned to you yet.",
          next: "Your organisation admin assigns them to you; then you can forward them to email here.",
          noun: "fax numbers",
          filtered: false,
        }}
      />
      <Dialog open={editing !== null} onOpenChange={(open) => !open && setEditing(null)}>
        {editing ? (
          <DialogContent title={`Forward ${formatPhone(editing.number)}`} description="Fax to Email">
            <DidForwardForm
              did={editing}
              onDone={(message, saved) => {
                setEditing(null);
                setNotice(message);
                // Show the new setting at once; the refetch confirms it.
                utils.did.mine.setData(undefined, (rows) =>
                  rows?.map((r) =>
                    r.id === saved.id ? { ...r, forward: saved.forward, forwardEmail: saved.forwardEmail } : r,
                  ),
                );
                void utils.did.mine.invalidate();
              }}
            />
          </DialogContent>
        ) : null}
      </Dialog>
    </>
  );
}
