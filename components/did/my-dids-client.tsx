"use client";
import { useState } from "react";
import { trpc } from "@/components/providers/trpc";
import { PageHeader } from "@/components/shell/page-header";
import { Badge } from "@/components/ui/badge";
import { Button } from "@/components/ui/button";
import { Card, CardContent } from "@/components/ui/card";
import { Dialog, DialogContent } from "@/components/ui/dialog";
import { PHONE_ONLY, WIDE_ONLY } from "@/components/ui/list-table";
import { PageAlerts } from "@/components/ui/page-alerts";
import { Table, TBody, TD, TH, THead, TR } from "@/components/ui/table";
import { Truncate } from "@/components/ui/truncate";
import { DidForwardForm } from "./did-forward-form";
import { formatPhone, forwardLabel } from "./did-labels";

type MyDid = {
  id: string;
  number: string;
  title: string;
  forward: "NONE" | "EMAIL";
  forwardEmail: string | null;
  assignedToMe: boolean;
};

/** The caller's numbers (and, for a tenant admin, the unassigned pool) with their Fax to Email setting. */
export function MyDidsClient() {
  const [editing, setEditing] = useState<MyDid | null>(null);
  const [notice, setNotice] = useState<string | null>(null);
  const utils = trpc.useUtils();
  const mine = trpc.did.mine.useQuery();

  return (
    <>
      <PageHeader
        title="My fax numbers"
        description="The fax numbers that reach you. Forward a number to have its faxes emailed to you too."
      />
      <PageAlerts notice={notice} errors={[mine.error]} />
      <Card>
        <CardContent className="pt-5">
          <Table label="My DIDs">
            <THead>
              <TR>
                <TH>Number</TH>
                <TH className={WIDE_ONLY}>Title</TH>
                <TH className={WIDE_ONLY}>Forwarding</TH>
                <TH>
                  <span className="sr-only">Actions</span>
                </TH>
              </TR>
            </THead>
            <TBody>
              {mine.data?.map((d) => (
                <TR key={d.id}>
                  <TD>
                    <span className="font-medium whitespace-nowrap">{formatPhone(d.number)}</span>
                    {d.assignedToMe ? null : (
                      <Badge variant="muted" className="ml-2">
                        Unassigned pool
                      </Badge>
                    )}
                    <span className={`${PHONE_ONLY} block max-w-56 text-xs text-muted-foreground`}>
                      {d.title ? <Truncate text={d.title} /> : null}
                      <Truncate text={forwardLabel(d)} />
                    </span>
                  </TD>
                  <TD className={WIDE_ONLY}>
                    <Truncate text={d.title} className="max-w-56" />
                  </TD>
                  <TD className={WIDE_ONLY}>
                    <Truncate text={forwardLabel(d)} className="max-w-64" />
                  </TD>
                  <TD className="text-right">
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
                  </TD>
                </TR>
              ))}
              {mine.data && mine.data.length === 0 ? (
                <TR>
                  <TD colSpan={4} className="py-6 text-center text-muted-foreground">
                    No fax numbers are assigned to you yet. Ask your administrator.
                  </TD>
                </TR>
              ) : null}
            </TBody>
          </Table>
        </CardContent>
      </Card>
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
