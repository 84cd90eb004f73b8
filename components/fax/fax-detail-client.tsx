"use client";
/**
 * One outbound fax: its facts and live status, every attempt with its plain explanation, the pages
 * as sent (decrypted here), and Cancel / Resend / Download.
 */
import Link from "next/link";
import { useRouter } from "next/navigation";
import { useState } from "react";
import { useDocumentKeys } from "@/components/document/use-document-keys";
import { UnlockDocuments } from "@/components/keys/unlock-documents";
import { trpc } from "@/components/providers/trpc";
import { PageHeader } from "@/components/shell/page-header";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { Card, CardContent } from "@/components/ui/card";
import { ConfirmDialog } from "@/components/ui/confirm-dialog";
import { DateTime } from "@/components/ui/date-time";
import { Dialog, DialogContent, FormActions } from "@/components/ui/dialog";
import { Form, FormAlert } from "@/components/ui/form";
import { useFieldErrors } from "@/components/ui/form-errors";
import { Input } from "@/components/ui/input";
import { Field } from "@/components/ui/label";
import { PageAlerts } from "@/components/ui/page-alerts";
import { Table, TBody, TD, TH, THead, TR } from "@/components/ui/table";
import { decryptContent } from "@/lib/crypto/content-stream";
import { fromBase64 } from "@/lib/crypto/encoding";
import { fetchDecrypted } from "@/lib/documents/fetch-decrypted";
import { openDocumentKeyFor } from "@/lib/documents/open-document-key";
import { GATEWAY_KEY_FRESH_MS, sealForGateway } from "@/lib/documents/seal-for-gateway";
import { attemptsLabel, retryPlanLabel } from "@/lib/fax-job-status";
import { formatPhone } from "@/lib/phone";
import type { DocumentPart } from "@/lib/schemas/document";
import { FAX_QUALITY_LABELS } from "@/lib/schemas/fax";
import { FaxPagesPreview } from "./fax-pages-preview";
import { FaxStatus, isActive } from "./fax-status";
import { useFaxTitles } from "./fax-title";

const seconds = (ms: number | null) => (ms === null ? "—" : `${Math.round(ms / 1000)} s`);

export function FaxDetailClient({ id }: { id: string }) {
  const router = useRouter();
  const utils = trpc.useUtils();
  const { me, tenant } = useDocumentKeys();
  const fax = trpc.fax.get.useQuery(
    { id },
    { refetchInterval: (q) => (q.state.data && isActive(q.state.data) ? 1000 : false) },
  );
  const document = trpc.document.get.useQuery(
    { id: fax.data?.documentId ?? "" },
    { enabled: Boolean(fax.data?.documentId), retry: false },
  );
  trpc.fax.gatewayKey.useQuery(undefined, { staleTime: GATEWAY_KEY_FRESH_MS }); // loaded early; read fresh when sealing
  const [confirmCancel, setConfirmCancel] = useState(false);
  const [resending, setResending] = useState(false);
  const [showPages, setShowPages] = useState(false);
  const [problem, setProblem] = useState<string | null>(null);
  const [notice, setNotice] = useState<string | null>(null);
  const cancel = trpc.fax.cancel.useMutation({
    onSuccess: (r) => {
      setConfirmCancel(false);
      setNotice(
        r.result === "requested"
          ? "Cancel requested: the call in progress is being hung up; nothing more will be dialled."
          : "Fax cancelled: it will not be dialled again.",
      );
      void utils.fax.get.invalidate({ id });
    },
  });
  const titles = useFaxTitles(fax.data ? [fax.data] : undefined, me, tenant);
  const f = fax.data;
  if (!f) return <PageAlerts notice={null} errors={[fax.error]} />;
  const doc = document.data;
  const canOpen = Boolean(doc?.keyForMe && me);

  async function download() {
    setProblem(null);
    try {
      if (!doc || !me || !f) throw new Error("Enter your password first (under Pages) to open the document.");
      const K = await openDocumentKeyFor(doc.keyForMe, me, tenant);
      const part = `fax-${f.quality.toLowerCase()}.pdf` as DocumentPart;
      const bytes = await fetchDecrypted(doc.id, part, K);
      K.fill(0);
      const url = URL.createObjectURL(new Blob([bytes as Uint8Array<ArrayBuffer>], { type: "application/pdf" }));
      const a = window.document.createElement("a");
      a.href = url;
      a.download = `fax-to-${f.toNumber.replace(/\D/g, "")}.pdf`;
      a.click();
      setTimeout(() => URL.revokeObjectURL(url), 10_000);
    } catch (error) {
      setProblem(error instanceof Error ? error.message : "The pages could not be downloaded.");
    }
  }

  /** The transmission report: fetched as ciphertext, its key opened with this person's keys, saved as a PDF. */
  async function downloadReport() {
    setProblem(null);
    try {
      if (!me || !f) throw new Error("Enter your password first (under Pages) to open the report.");
      const report = await utils.client.fax.report.query({ id });
      const R = await openDocumentKeyFor(report.keyForMe, me, tenant);
      const pieces: Uint8Array[] = [];
      for await (const piece of decryptContent(R, [await fromBase64(report.cipher)])) pieces.push(piece);
      R.fill(0);
      const url = URL.createObjectURL(new Blob(pieces as Uint8Array<ArrayBuffer>[], { type: "application/pdf" }));
      const a = window.document.createElement("a");
      a.href = url;
      const day = new Date(f.completedAt ?? f.submittedAt).toISOString().slice(0, 10);
      a.download = `fax-report-${day}-${f.toNumber.replace(/\D/g, "")}.pdf`;
      a.click();
      setTimeout(() => URL.revokeObjectURL(url), 10_000);
    } catch (error) {
      setProblem(error instanceof Error ? error.message : "The transmission report could not be downloaded.");
    }
  }

  return (
    <>
      <PageHeader
        title={`Fax to ${formatPhone(f.toNumber)}`}
        description={
          f.platformView ? undefined : (titles[f.id] ?? (me ? "…" : "Title hidden until you enter your password"))
        }
        actions={
          <>
            {isActive(f) && !f.cancelRequestedAt ? (
              <Button variant="outline" onClick={() => setConfirmCancel(true)}>
                Cancel fax
              </Button>
            ) : null}
            {!isActive(f) && !f.platformView ? (
              <Button variant="outline" onClick={() => void downloadReport()}>
                Transmission report
              </Button>
            ) : null}
            {!isActive(f) ? (
              <Button onClick={() => setResending(true)} disabled={!f.documentId}>
                Resend
              </Button>
            ) : null}
          </>
        }
      />
      <PageAlerts notice={notice} errors={[document.error, problem ? new Error(problem) : null]} />
      <Card className="mb-4">
        <CardContent className="grid gap-3 p-4 sm:grid-cols-2">
          <div>
            <p className="text-xs text-muted-foreground">Status</p>
            <FaxStatus fax={f} />
          </div>
          <dl className="grid grid-cols-[auto_1fr] gap-x-3 gap-y-1 text-sm">
            <dt className="text-muted-foreground">Pages</dt>
            <dd>{f.pages ?? "—"}</dd>
            <dt className="text-muted-foreground">Attempts</dt>
            <dd>{attemptsLabel(f)}</dd>
            <dt className="text-muted-foreground">Retry plan</dt>
            <dd>{retryPlanLabel(f.maxAttempts, f.retryMinutes)}</dd>
            <dt className="text-muted-foreground">Caller ID</dt>
            <dd>{f.callerId ? formatPhone(f.callerId) : "—"}</dd>
            <dt className="text-muted-foreground">Quality</dt>
            <dd>{FAX_QUALITY_LABELS[f.quality]}</dd>
            <dt className="text-muted-foreground">Submitted</dt>
            <dd>
              <DateTime value={f.submittedAt} />
            </dd>
            {f.nextAttemptAt && f.status === "QUEUED" ? (
              <>
                <dt className="text-muted-foreground">Next try</dt>
                <dd>
                  <DateTime value={f.nextAttemptAt} seconds />
                </dd>
              </>
            ) : null}
            {f.resentFromId ? (
              <>
                <dt className="text-muted-foreground">Resent from</dt>
                <dd>
                  <Link className="text-primary hover:underline" href={`/send/${f.resentFromId}`}>
                    the earlier fax
                  </Link>
                </dd>
              </>
            ) : null}
          </dl>
        </CardContent>
      </Card>
      <h2 className="mb-2 font-semibold">Attempts</h2>
      {f.attempts.length ? (
        <div className="mb-6 overflow-x-auto">
          <Table label="Attempts" aria-label="Attempts">
            <THead>
              <TR>
                <TH>#</TH>
                <TH>Started</TH>
                <TH>Result</TH>
                <TH>Pages</TH>
                <TH>Duration</TH>
                <TH>Speed</TH>
                <TH>Remote fax ID</TH>
              </TR>
            </THead>
            <TBody>
              {f.attempts.map((a) => (
                <TR key={a.id}>
                  <TD>{a.attemptNumber}</TD>
                  <TD>
                    <DateTime value={a.startedAt} seconds />
                  </TD>
                  <TD>
                    <span className="font-medium">{a.endedAt ? (a.outcome?.label ?? a.status) : "In progress"}</span>
                    {a.endedAt && a.outcome ? (
                      <span className="block text-xs text-muted-foreground">{a.outcome.explanation}</span>
                    ) : null}
                  </TD>
                  <TD>
                    {/* A call in progress has sent nothing yet as far as its row knows: the status says the page. */}
                    {a.endedAt ? `${a.pagesSent}${a.totalPages ? ` of ${a.totalPages}` : ""}` : "—"}
                  </TD>
                  <TD>{seconds(a.durationMs)}</TD>
                  <TD>{a.bitRate ? `${a.bitRate} bit/s` : "—"}</TD>
                  <TD>{a.remoteStationId || "—"}</TD>
                </TR>
              ))}
            </TBody>
          </Table>
        </div>
      ) : (
        <p className="mb-6 text-sm text-muted-foreground">Not dialled yet.</p>
      )}
      <h2 className="mb-2 font-semibold">Pages</h2>
      {!f.documentId ? (
        <Alert className="mb-4">The document of this fax has been deleted, so its pages are no longer available.</Alert>
      ) : canOpen && doc && me ? (
        <div className="grid gap-3">
          <div className="flex flex-wrap gap-2">
            <Button variant="outline" size="sm" onClick={() => setShowPages((s) => !s)} aria-expanded={showPages}>
              {showPages ? "Hide the pages" : "Show the pages"}
            </Button>
            <Button variant="outline" size="sm" onClick={() => void download()}>
              Download the pages (PDF)
            </Button>
          </div>
          {showPages ? <FaxPagesPreview document={doc} quality={f.quality} me={me} tenant={tenant} /> : null}
        </div>
      ) : me || f.platformView ? (
        <p className="text-sm text-muted-foreground">You cannot open this document.</p>
      ) : (
        <UnlockDocuments why="Enter your password to see the pages of this fax." />
      )}
      <ConfirmDialog
        open={confirmCancel}
        onOpenChange={setConfirmCancel}
        title="Cancel this fax?"
        confirmLabel="Cancel fax"
        destructive
        pending={cancel.isPending}
        error={cancel.error?.message}
        onConfirm={() => cancel.mutate({ id })}
      >
        <p>
          A fax waiting in the queue or between attempts is not dialled again. A call in progress is hung up; pages
          already received by the other machine stay there.
        </p>
      </ConfirmDialog>
      <Dialog open={resending} onOpenChange={setResending}>
        {resending ? (
          <DialogContent title="Resend this fax" description="The same document and settings, as a new fax.">
            {/* Asked here, in the dialog that needs it: the page behind is covered. */}
            {f.platformView ? null : <UnlockDocuments why="Enter your password to open the document to resend." />}
            <ResendForm
              toNumber={f.toNumber}
              locked={!me && !f.platformView}
              onSend={async (toNumber) => {
                if (!doc || !me) throw new Error("Enter your password above to open the document first.");
                const gatewayKey = await utils.fax.gatewayKey.fetch(undefined, { staleTime: GATEWAY_KEY_FRESH_MS });
                const gatewaySealedKey = await sealForGateway(doc.keyForMe, me, tenant, gatewayKey);
                const { jobId } = await utils.client.fax.resend.mutate({ id, toNumber, gatewaySealedKey });
                setResending(false);
                router.push(`/send/${jobId}`);
              }}
            />
          </DialogContent>
        ) : null}
      </Dialog>
    </>
  );
}

function ResendForm({
  toNumber,
  locked,
  onSend,
}: {
  toNumber: string;
  locked: boolean;
  onSend: (toNumber: string) => Promise<void>;
}) {
  const [number, setNumber] = useState(toNumber);
  const [error, setError] = useState<unknown>(null);
  const [busy, setBusy] = useState(false);
  const errors = useFieldErrors(error, { aliases: { destinations: "toNumber" } });
  async function submit(e: React.FormEvent) {
    e.preventDefault();
    if (!number.trim()) return errors.setErrors({ toNumber: "Enter a fax number." });
    setBusy(true);
    try {
      await onSend(number.trim());
    } catch (err) {
      setError(err);
    } finally {
      setBusy(false);
    }
  }
  return (
    <Form errors={errors} onSubmit={submit} className="grid gap-4">
      <FormAlert />
      <Field label="Fax number" htmlFor="resend-to" name="toNumber" hint="The same number, or another.">
        <Input id="resend-to" value={number} maxLength={40} onChange={(e) => setNumber(e.target.value)} />
      </Field>
      <FormActions>
        <Button type="submit" disabled={busy || locked}>
          Resend
        </Button>
      </FormActions>
    </Form>
  );
}
