"use client";
/**
 * New fax: a document (chosen, or uploaded here), one or more numbers, the caller ID, the retry
 * policy and the quality; the exact fax pages and an estimated call time before Send. The document's
 * key is sealed to the fax gateway in this browser, for these faxes only.
 */
import { useRouter } from "next/navigation";
import { useMemo, useState } from "react";
import { DocumentUpload } from "@/components/document/document-upload";
import { useDocumentKeys } from "@/components/document/use-document-keys";
import { useDocumentNames } from "@/components/document/use-document-names";
import { UnlockDocuments } from "@/components/keys/unlock-documents";
import { trpc } from "@/components/providers/trpc";
import { PageHeader } from "@/components/shell/page-header";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { Checkbox } from "@/components/ui/checkbox";
import { Dialog, DialogContent, FormActions } from "@/components/ui/dialog";
import { Form, FormAlert } from "@/components/ui/form";
import { useFieldErrors } from "@/components/ui/form-errors";
import { Input, NativeSelect, Textarea } from "@/components/ui/input";
import { Field } from "@/components/ui/label";
import { encryptCoverPage } from "@/lib/documents/encrypt-cover-page";
import { openDocumentKeyFor } from "@/lib/documents/open-document-key";
import { GATEWAY_KEY_FRESH_MS, sealForGateway } from "@/lib/documents/seal-for-gateway";
import { estimateFaxCallMs, formatCallTime } from "@/lib/fax-call-time";
import {
  COVER_FIELD_MAX,
  COVER_NOTE_MAX,
  type CoverPage,
  coverDate,
  coverPagePdf,
  coverPageSchema,
  DEFAULT_COVER_NOTICE,
} from "@/lib/fax-cover-page";
import { checkDestinations, destinationProblems, duplicatesMerged } from "@/lib/fax-destinations";
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

export function NewFaxClient({ initialDocumentId }: { initialDocumentId?: string } = {}) {
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
  const person = trpc.auth.me.useQuery(undefined, { staleTime: 60_000 }).data;
  const automatic = trpc.fax.automaticCallerId.useQuery(undefined, { staleTime: 60_000 }).data;
  const send = trpc.fax.send.useMutation();
  const errors = useFieldErrors(send.error);
  const [title, setTitle] = useState("");
  // Issue 17: Documents → Send as fax opens this form with that document chosen (page.tsx reads ?document=).
  const [documentId, setDocumentId] = useState(initialDocumentId ?? "");
  const [to, setTo] = useState("");
  const [callerId, setCallerId] = useState("");
  const [attempts, setAttempts] = useState(String(DEFAULT_ATTEMPTS));
  const [retryMinutes, setRetryMinutes] = useState(String(DEFAULT_RETRY_MINUTES));
  const [quality, setQuality] = useState<Quality>("FINE");
  const [uploading, setUploading] = useState(false);
  const [preview, setPreview] = useState(false);
  const [busy, setBusy] = useState(false);
  const [withCover, setWithCover] = useState(false);
  const [cover, setCover] = useState<CoverPage>({ to: "", from: "", subject: "", note: "" });
  const editCover = (part: keyof CoverPage) => (e: React.ChangeEvent<HTMLInputElement | HTMLTextAreaElement>) =>
    setCover((c) => ({ ...c, [part]: e.target.value }));
  // After the first Send, the numbers are checked as they change: a message goes as soon as its cause does.
  const [submitted, setSubmitted] = useState(false);

  const chosen = documents.data?.items.find((d) => d.id === documentId);
  // The cover page is a page of the fax like the others: counted, estimated, previewed, headed.
  const pages = (chosen?.pageCount ?? 0) + (withCover ? 1 : 0);
  const notice = organisation?.coverPageNotice ?? null;
  const timeZone = organisation?.timeZone ?? "UTC";
  const coverPreview = useMemo(
    () =>
      withCover && preview ? coverPagePdf({ cover, notice, pages, date: coverDate(new Date(), timeZone) }) : undefined,
    [withCover, preview, cover, notice, pages, timeZone],
  );
  const addCover = (on: boolean) => {
    setWithCover(on);
    // From: the sender and their organisation, unless already typed.
    if (on && !cover.from && person) {
      const name = `${person.firstName} ${person.lastName}`.trim() || person.username;
      setCover((c) => ({ ...c, from: organisation ? `${name}, ${organisation.name}` : name }));
    }
  };
  const destinations = splitDestinations(to);
  // What will really be faxed: valid numbers, each once (as the server will count them).
  const checked = country
    ? checkDestinations(destinations, { country, allowCostlyNumbers: organisation?.allowCostlyNumbers ?? false })
    : null;
  const count = checked ? checked.numbers.length : destinations.length;
  const numbersError = submitted && checked ? destinationProblems(checked) : null;
  const merged = checked ? duplicatesMerged(checked.duplicates) : null;
  const noCallerId = !callerId && automatic !== undefined && automatic.number === null;
  // A document's own quality is the natural default once it is chosen.
  const choose = (id: string) => {
    setDocumentId(id);
    errors.clear("documentId");
    const picked = documents.data?.items.find((d) => d.id === id);
    if (picked) setQuality(picked.quality);
  };

  /** The cover page made now (its date is when Send is pressed) and encrypted under the document's pages key. */
  async function encryptCover(typed: CoverPage, keyForMe: NonNullable<typeof chosen>["keyForMe"]) {
    if (!me) throw new Error("Unlock your keys first (above the page).");
    const K = await openDocumentKeyFor(keyForMe, me, tenant);
    try {
      const pdf = coverPagePdf({
        cover: typed,
        notice,
        pages,
        date: coverDate(new Date(), timeZone),
      });
      return await encryptCoverPage(pdf, K);
    } finally {
      K.fill(0);
    }
  }

  async function submit(e: React.FormEvent) {
    e.preventDefault();
    setSubmitted(true);
    const values = {
      title,
      documentId,
      destinations: checked?.numbers.length ? checked.numbers : destinations,
      callerId: callerId || null,
      attempts: Number(attempts),
      retryMinutes: Number(retryMinutes),
      quality,
      gatewaySealedKey: "pending",
      cover: withCover ? cover : undefined,
    };
    // The title is checked here and leaves the browser only encrypted (below).
    const valid_ = errors.check(
      faxSendSchema.extend({ title: faxTitleSchema, cover: coverPageSchema.optional() }),
      values,
    );
    if (!valid_) return;
    const problems = checked && destinationProblems(checked);
    if (problems) return errors.setErrors({ destinations: problems });
    const { title: typedTitle, cover: typedCover, ...valid } = valid_;
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
      const coverCipher = typedCover ? await encryptCover(typedCover, chosen.keyForMe) : undefined;
      const { jobIds } = await send.mutateAsync({ ...valid, gatewaySealedKey, titleCipher, coverCipher });
      router.push(jobIds.length === 1 ? `/send/${jobIds[0]}` : "/send");
    } catch (error) {
      if (!send.error && error instanceof Error && !("data" in error)) {
        errors.setErrors({ documentId: error.message });
      }
    } finally {
      setBusy(false);
    }
  }

  return (
    <>
      <PageHeader title="New fax" description="Choose a document, enter the numbers, check the pages, send." />
      <UnlockDocuments why="Enter your password to open your documents and fax one." />
      <Form errors={errors} onSubmit={submit} className="grid max-w-3xl gap-5">
        <FormAlert />
        <Field
          label="Title (optional)"
          htmlFor="fax-title"
          name="title"
          hint="For your list; not sent with the fax. Encrypted in this browser. Left empty: the document's name."
        >
          <Input id="fax-title" value={title} maxLength={FAX_TITLE_MAX} onChange={(e) => setTitle(e.target.value)} />
        </Field>
        <Field label="Document" htmlFor="fax-document" name="documentId">
          <div className="flex flex-wrap gap-2">
            <NativeSelect
              id="fax-document"
              className="min-w-0 flex-1 basis-48"
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
            </NativeSelect>
            <Button type="button" variant="outline" onClick={() => setUploading(true)}>
              Upload a document
            </Button>
          </div>
        </Field>
        <Field
          label="Fax numbers"
          htmlFor="fax-to"
          name="destinations"
          error={numbersError}
          hint={`One or more, one per line (or separated by commas). Numbers without +country are read as ${
            country ? `${countryName(country)} numbers` : "numbers of your organisation's country"
          }.`}
        >
          <Textarea id="fax-to" value={to} onChange={(e) => setTo(e.target.value)} maxLength={4000} />
        </Field>
        {merged ? (
          <p className="-mt-3 text-xs" role="status" data-testid="duplicates-merged">
            {merged}: each number gets one fax.
          </p>
        ) : null}
        {country && destinations.length ? <DialledNumbers destinations={destinations} country={country} /> : null}
        <Field label="Caller ID" htmlFor="fax-caller-id" name="callerId">
          <NativeSelect id="fax-caller-id" value={callerId} onChange={(e) => setCallerId(e.target.value)}>
            <option value="">
              {automatic?.number
                ? `Automatic: ${formatPhone(automatic.number)}`
                : automatic
                  ? "Automatic: none (no fax number)"
                  : "Automatic (your own fax number first)"}
            </option>
            {numbers.data?.map((n) => (
              <option key={n.id} value={n.number}>
                {formatPhone(n.number)}
                {n.title ? ` — ${n.title}` : ""}
              </option>
            ))}
          </NativeSelect>
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
        <div className="grid gap-3">
          <Checkbox
            label="Add a cover page"
            checked={withCover}
            onChange={(e) => addCover(e.target.checked)}
            aria-describedby="cover-page-hint"
          />
          <p id="cover-page-hint" className="-mt-2 text-xs text-muted-foreground">
            A first page saying who the fax is for and from, with your organisation's confidentiality notice. Made and
            encrypted in this browser.
          </p>
          {withCover ? (
            <fieldset className="grid gap-4 rounded-md border p-3" data-testid="cover-page">
              <legend className="px-1 text-sm font-medium">Cover page</legend>
              <div className="grid gap-4 sm:grid-cols-2">
                <Field label="To" htmlFor="cover-to" name="cover.to" hint="A person or department, and where.">
                  <Input id="cover-to" value={cover.to} maxLength={COVER_FIELD_MAX} onChange={editCover("to")} />
                </Field>
                <Field label="From" htmlFor="cover-from" name="cover.from">
                  <Input id="cover-from" value={cover.from} maxLength={COVER_FIELD_MAX} onChange={editCover("from")} />
                </Field>
              </div>
              <Field label="Subject (optional)" htmlFor="cover-subject" name="cover.subject">
                <Input
                  id="cover-subject"
                  value={cover.subject}
                  maxLength={COVER_FIELD_MAX}
                  onChange={editCover("subject")}
                />
              </Field>
              <Field label="Note (optional)" htmlFor="cover-note" name="cover.note">
                <Textarea
                  id="cover-note"
                  rows={4}
                  value={cover.note}
                  maxLength={COVER_NOTE_MAX}
                  onChange={editCover("note")}
                />
              </Field>
              <div className="grid gap-1 text-xs">
                <p className="font-medium">Printed at the foot: your organisation's confidentiality notice</p>
                <p className="whitespace-pre-line text-muted-foreground" data-testid="cover-notice">
                  {notice || DEFAULT_COVER_NOTICE}
                </p>
              </div>
            </fieldset>
          ) : null}
        </div>
        {chosen?.status === "READY" ? (
          <div className="grid gap-2 rounded-md border p-3" data-testid="fax-summary">
            <p className="text-sm">
              <strong>
                {pages} page{pages === 1 ? "" : "s"}
              </strong>
              {withCover ? " (with the cover page)" : ""} at {FAX_QUALITY_LABELS[quality].split(" (")[0]?.toLowerCase()}{" "}
              quality · {formatCallTime(estimateFaxCallMs(pages, quality))} on the line per number
              {count > 1 ? ` (${count} numbers)` : ""}.
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
                cover={coverPreview}
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
        {noCallerId ? (
          <Alert variant="warning" data-testid="no-caller-id">
            Your organisation has no fax number, so this fax goes out with no caller ID, and some fax machines refuse
            calls without one. Your provider assigns fax numbers; an organisation admin gives them out under
            Administration → Fax numbers.
          </Alert>
        ) : null}
        <FormActions>
          <Button type="submit" disabled={busy || send.isPending}>
            {count > 1 ? `Send to ${count} numbers` : "Send fax"}
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
                errors.clear("documentId");
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
  const seen = new Set<string>();
  return (
    <ul className="-mt-3 grid max-h-48 gap-0.5 overflow-y-auto text-xs" aria-label="Numbers as they will be dialled">
      {destinations.map((raw, i) => {
        const e164 = toE164(raw, country);
        const duplicate = e164 !== null && seen.has(e164);
        if (e164) seen.add(e164);
        return (
          // biome-ignore lint/suspicious/noArrayIndexKey: the same number may be typed twice
          <li key={i} data-testid="dialled-number" className={e164 ? "text-muted-foreground" : "text-destructive"}>
            {raw} → {e164 ? formatPhone(e164) : "not a valid fax number"}
            {duplicate ? " (duplicate: merged)" : ""}
          </li>
        );
      })}
    </ul>
  );
}
