"use client";
import { trpc } from "@/components/providers/trpc";
import { Alert } from "@/components/ui/alert";
/** One outbox message: its envelope and its text body with clickable links. */
import { DateTime } from "@/components/ui/date-time";
import { DialogContent, FormActions } from "@/components/ui/dialog";
import { LinkifiedText } from "./linkified-text";
import { StatusBadge } from "./status-badge";

export function MessageDialog({ id, subject }: { id: string; subject: string }) {
  const message = trpc.mail.get.useQuery({ id });
  const m = message.data;
  return (
    <DialogContent title={subject || "(no subject)"} className="max-w-2xl">
      {message.error ? <Alert variant="error">{message.error.message}</Alert> : null}
      {message.isLoading ? <p className="text-sm text-muted-foreground">Loading…</p> : null}
      {m ? (
        <div className="grid gap-3">
          <dl className="grid grid-cols-[6rem_1fr] gap-x-3 gap-y-1 text-sm">
            <dt className="text-muted-foreground">To</dt>
            <dd data-testid="mail-to">{m.to}</dd>
            <dt className="text-muted-foreground">Organisation</dt>
            <dd>{m.tenant?.name ?? "Platform"}</dd>
            <dt className="text-muted-foreground">Transport</dt>
            <dd>{m.transport}</dd>
            <dt className="text-muted-foreground">Status</dt>
            <dd>
              <StatusBadge status={m.status} />
            </dd>
            <dt className="text-muted-foreground">Created</dt>
            <dd>
              <DateTime value={m.createdAt} seconds />
            </dd>
            {m.sentAt ? (
              <>
                <dt className="text-muted-foreground">Sent</dt>
                <dd>
                  <DateTime value={m.sentAt} seconds />
                </dd>
              </>
            ) : null}
          </dl>
          {m.error ? <Alert variant="error">{m.error}</Alert> : null}
          <pre
            className="max-h-[50vh] overflow-auto whitespace-pre-wrap break-words rounded-md border bg-muted p-3 font-mono text-xs"
            data-testid="mail-body"
          >
            <LinkifiedText text={m.text} />
          </pre>
        </div>
      ) : null}
      <FormActions cancelLabel="Done" className="mt-4">
        {null}
      </FormActions>
    </DialogContent>
  );
}
