"use client";
/**
 * New fax: a document (chosen, or uploaded here), one or more numbers, the caller ID, the retry
 * policy and the quality; the exact fax pages and an estimated call time before Send. The document's
 * key is sealed to the fax gateway in this browser, for these faxes only.
 */
import { useRouter } from "next/navigation";
import { useState } from "react";
import { DocumentUpload } from "@/components/document/document-upload";
import { useDocumentKeys } from "@/components/document/use-document-keys";
import { useDocumentNames } from "@/components/document/use-document-names";
import { UnlockDocuments } from "@/components/keys/unlock-documents";
import { trpc } from "@/components/providers/trpc";
import { PageHeader } from "@/components/shell/page-header";
import { Button } from "@/components/ui/button";
import { Dialog, DialogContent, FormActions } from "@/components/ui/dialog";
import { Form, FormAlert } from "@/components/ui/form";
import { useFieldErrors } from "@/components/ui/form-errors";
import { Input } from "@/components/ui/input";
import { Field } from "@/components/ui/label";
import { GATEWAY_KEY_FRESH_MS, sealForGateway } from "@/lib/documents/seal-for-gateway";
import { estimateFaxCallMs, formatCallTime } from "@/lib/fax-call-time";
import { formatPhone, toE164 } from "@/lib/phone";
import { countryName } from "@/lib/schemas/country";
import {
  DEFAULT_ATTEMPTS,
  DEFAULT_RETRY_MINUTES,
  FAX_QUALITIES,
  FAX_QUALITY_LABELS,
  FAX_TITLE_MAX,
  faxSendSchema,
  faxTitleSchema,
  splitDestinations,
} from "@/lib/schemas/fax";
import { FaxPagesPreview } from "./fax-pages-preview";
import { encryptTitleFor } from "./fax-title";

type Quality = (typeof FAX_QUALITIES)[number];

export function NewFaxClient() {
  const router = useRouter();
  const { me, tenant } = useDocumentKeys();
  const utils = trpc.useUtils();
  trpc.fax.gatewayKey.useQuery(undefined, { staleTime: GATEWAY_KEY_FRESH_MS }); // loaded early; read fresh when sealing
  const documents = trpc.document.list.useQuery(
    { view: "mine", pageSize: 200 },
    { refetchInterval: (q) => (q.state.data?.items.some((d) => d.status === "PROCESSING") ? 2000 : false) },
  );
  const numbers = trpc.did.mine.useQuery();
  // The organisation's country: how numbers typed without +country are read (as the server will).
  const organisation = trpc.tenant.mine.useQuery(undefined, { staleTime: 60_000 }).data;
  const country = organisation?.defaultCountry;
  const names = useDocumentNames(documents.data?.items, me, tenant);
  const send = trpc.fax.send.useMutation();
  const errors = useFieldErrors(send.error);
  const [title, setTitle] = useState("");
  const [documentId, setDocumentId] = useState("");
  const [to, setTo] = useState("");
  const [callerId, setCallerId] = useState("");
  const [attempts, setAttempts] = useState(String(DEFAULT_ATTEMPTS));
  const [retryMinutes, setRetryMinutes] = useState(String(DEFAULT_RETRY_MINUTES));
  const [quality, setQuality] = useState<Quality>("FINE");
  const [uploading, setUploading] = useState(false);
  const [preview, setPreview] = useState(false);
  const [busy, setBusy] = useState(false);

  const chosen = documents.data?.items.find((d) => d.id === documentId);
  const destinations = splitDestinations(to);
  // A document's own quality is the natural default once it is chosen.
  const choose = (id: string) => {
    setDocumentId(id);
    const picked = documents.data?.items.find((d) => d.id === id);
    if (picked) setQuality(picked.quality);
  };

  async function submit(e: React.FormEvent) {
    e.preventDefault();
    const values = {
      title,
      documentId,
      destinations,
      callerId: callerId || null,
      attempts: Number(attempts),
      retryMinutes: Number(retryMinutes),
      quality,
      gatewaySealedKey: "pending",
    };
    // The title is checked here and leaves the browser only encrypted (below).
    const checked = errors.check(faxSendSchema.extend({ title: faxTitleSchema }), values);
    if (!checked) return;
    const { title: typedTitle, ...valid } = checked;
    if (chosen?.status !== "READY") {
      return errors.setErrors({ documentId: "Choose a document that shows Ready." });
    }
    if (!me)
      return errors.setErrors({ documentId: "Enter your password first (above the form) to open your documents." });
    // A quick click may come before the key has loaded: wait for it rather than refuse.
    const gatewayKey = await utils.fax.gatewayKey
      .fetch(undefined, { staleTime: GATEWAY_KEY_FRESH_MS })
      .catch(() => null);
    if (!gatewayKey) return errors.setErrors({ documentId: "The fax gateway is not reachable. Try again." });
    setBusy(true);
    try {
      const gatewaySealedKey = await sealForGateway(chosen.keyForMe, me, tenant, gatewayKey);
      // No title typed: the document's name stands in for it (encrypted alike).
      const titleCipher = await encryptTitleFor(typedTitle || names[chosen.id] || "", chosen.keyForMe, me, tenant);
      const { jobIds } = await send.mutateAsync({ ...valid, gatewaySealedKey, titleCipher });
      router.push(jobIds.length === 1 ? `/send/${jobIds[0]}` : "/send");
    } catch (error) {
      if (!send.error && error instanceof Error && !("data" in error)) {
        errors.setErrors({ documentId: error.message });
      }
    } finally {
      setBusy(false);
    }
  }

  const pages = chosen?.pageCount ?? 0;
  return (
    <>
      <PageHeader title="New fax" description="Choose a document, enter the numbers, check the pages, send." />
      <UnlockDocuments why="Enter your password to open your documents and fax one." />
      <Form errors={errors} onSubmit={submit} className="grid max-w-3xl gap-5">
        <FormAlert />
        <Field
          label="Title"
          htmlFor="fax-title"
          name="title"
          hint="For your list; not sent with the fax. Encrypted in this browser. Left empty: the document's name."
        >
          <Input id="fax-title" value={title} maxLength={FAX_TITLE_MAX} onChange={(e) => setTitle(e.target.value)} />
        </Field>
        <Field label="Document" htmlFor="fax-document" name="documentId">
          <div className="flex flex-wrap gap-2">
            <select
              id="fax-document"
              className="h-9 min-w-0 flex-1 rounded-md border bg-background px-2"
              value={documentId}
              onChange={(e) => choose(e.target.value)}
            >
              <option value="">Choose a document…</option>
              {documents.data?.items.map((d) => (
                <option key={d.id} value={d.id} disabled={d.status !== "READY"}>
                  {names[d.id] ?? (me ? "…" : "Name hidden until you enter your password")}
                  {d.status === "READY"
                    ? ` (${d.pageCount} page${d.pageCount === 1 ? "" : "s"})`
                    : d.status === "PROCESSING"
                      ? " (preparing…)"
                      : d.status === "INVALID"
                        ? " (invalid)"
                        : ""}
                </option>
              ))}
            </select>
            <Button type="button" variant="outline" onClick={() => setUploading(true)}>
              Upload a document
            </Button>
          </div>
        </Field>
        <Field
          label="Fax numbers"
          htmlFor="fax-to"
          name="destinations"
          hint={`One or more, one per line (or separated by commas). Numbers without +country are read as ${
            country ? `${countryName(country)} numbers` : "numbers of your organisation's country"
          }.`}
        >
          <textarea
            id="fax-to"
            className="min-h-20 rounded-md border bg-background p-2 text-sm"
            value={to}
            onChange={(e) => setTo(e.target.value)}
            maxLength={4000}
          />
        </Field>
        {country && destinations.length ? <DialledNumbers destinations={destinations} country={country} /> : null}
        <Field label="Caller ID" htmlFor="fax-caller-id" name="callerId">
          <select
            id="fax-caller-id"
            className="h-9 rounded-md border bg-background px-2"
            value={callerId}
            onChange={(e) => setCallerId(e.target.value)}
          >
            <option value="">Automatic (your own fax number first)</option>
            {numbers.data?.map((n) => (
              <option key={n.id} value={n.number}>
                {formatPhone(n.number)}
                {n.title ? ` — ${n.title}` : ""}
              </option>
            ))}
          </select>
        </Field>
        <div className="grid gap-4 sm:grid-cols-2">
          <Field
            label="Attempts"
            htmlFor="fax-attempts"
            name="attempts"
            hint="How often to dial when busy or unanswered."
          >
            <Input
              id="fax-attempts"
              type="number"
              min={1}
              max={10}
              value={attempts}
              onChange={(e) => setAttempts(e.target.value)}
            />
          </Field>
          <Field label="Minutes between attempts" htmlFor="fax-retry" name="retryMinutes">
            <Input
              id="fax-retry"
              type="number"
              min={1}
              max={1440}
              value={retryMinutes}
              onChange={(e) => setRetryMinutes(e.target.value)}
            />
          </Field>
        </div>
        <fieldset className="grid gap-2">
          <legend className="mb-1 text-sm font-medium">Quality</legend>
          {FAX_QUALITIES.map((q) => (
            <label key={q} className="flex items-center gap-2 text-sm">
              <input type="radio" name="fax-quality" value={q} checked={quality === q} onChange={() => setQuality(q)} />
              {FAX_QUALITY_LABELS[q]}
            </label>
          ))}
        </fieldset>
        {chosen?.status === "READY" ? (
          <div className="grid gap-2 rounded-md border p-3" data-testid="fax-summary">
            <p className="text-sm">
              <strong>
                {pages} page{pages === 1 ? "" : "s"}
              </strong>{" "}
              at {FAX_QUALITY_LABELS[quality].split(" (")[0]?.toLowerCase()} quality ·{" "}
              {formatCallTime(estimateFaxCallMs(pages, quality))} on the line per number
              {destinations.length > 1 ? ` (${destinations.length} numbers)` : ""}.
            </p>
            <div>
              <Button
                type="button"
                variant="outline"
                size="sm"
                onClick={() => setPreview((p) => !p)}
                aria-expanded={preview}
              >
                {preview ? "Hide the fax pages" : "Show the fax pages"}
              </Button>
            </div>
            {preview && me ? (
              <FaxPagesPreview
                document={chosen}
                quality={quality}
                me={me}
                tenant={tenant}
                header={
                  organisation
                    ? {
                        organisation: organisation.name,
                        timeZone: organisation.timeZone,
                        callerId: callerId || null,
                        pages,
                      }
                    : undefined
                }
              />
            ) : null}
          </div>
        ) : null}
        <FormActions>
          <Button type="submit" disabled={busy || send.isPending}>
            {destinations.length > 1 ? `Send to ${destinations.length} numbers` : "Send fax"}
          </Button>
        </FormActions>
      </Form>
      <Dialog open={uploading} onOpenChange={setUploading}>
        {uploading ? (
          <DialogContent title="Upload a document" description="Encrypted in this browser before it is sent.">
            <DocumentUpload
              onUploaded={(id) => {
                setUploading(false);
                setDocumentId(id);
                void documents.refetch();
              }}
            />
          </DialogContent>
        ) : null}
      </Dialog>
    </>
  );
}

/** Each typed number as it will be dialled, or why it cannot be, read in the organisation's country. */
function DialledNumbers({ destinations, country }: { destinations: string[]; country: string }) {
  return (
    <ul className="-mt-3 grid max-h-48 gap-0.5 overflow-y-auto text-xs" aria-label="Numbers as they will be dialled">
      {destinations.map((raw, i) => {
        const e164 = toE164(raw, country);
        return (
          // biome-ignore lint/suspicious/noArrayIndexKey: the same number may be typed twice
          <li key={i} data-testid="dialled-number" className={e164 ? "text-muted-foreground" : "text-destructive"}>
            {raw} → {e164 ? formatPhone(e164) : "not a valid fax number"}
          </li>
        );
      })}
    </ul>
  );
}
