"use client";
/**
 * Upload a document: file, name, fax quality. The file is encrypted in this browser (in a worker,
 * with progress) before any of it leaves; Cancel stops it and removes the half-made document.
 * Used by the Documents page and by Send fax ("upload one").
 */
import { useEffect, useRef, useState } from "react";
import { trpc } from "@/components/providers/trpc";
import { Button } from "@/components/ui/button";
import { FormActions } from "@/components/ui/dialog";
import { Form, FormAlert } from "@/components/ui/form";
import { useFieldErrors } from "@/components/ui/form-errors";
import { Input } from "@/components/ui/input";
import { Field } from "@/components/ui/label";
import { MAX_DOCUMENT_BYTES } from "@/lib/documents/document-limits";
import { DOCUMENT_TYPES, type DocumentType, extensionOf } from "@/lib/documents/document-types";
import { GATEWAY_KEY_FRESH_MS } from "@/lib/documents/seal-for-gateway";
import { UploadCancelled, type UploadPhase, uploadDocument } from "@/lib/documents/upload-document";
import { FAX_QUALITIES, FAX_QUALITY_LABELS } from "@/lib/schemas/fax";
import { useDocumentKeys } from "./use-document-keys";

const NAME_MAX = 200;
const QUALITY_HINTS = {
  STANDARD: "Fastest to send; fine for plain typed text.",
  FINE: "The usual choice: sharp text, twice the lines.",
  SUPERFINE: "Small print and drawings; takes about twice as long as fine.",
} as const;

const ACCEPT = Object.values(DOCUMENT_TYPES)
  .flatMap((t) => t.extensions.map((e) => `.${e}`))
  .join(",");
const ACCEPTED_LIST = Object.values(DOCUMENT_TYPES)
  .map((t) => t.extensions[0]!.toUpperCase())
  .join(", ");

export function kindOf(fileName: string): DocumentType | null {
  const ext = extensionOf(fileName);
  const found = Object.entries(DOCUMENT_TYPES).find(([, t]) => t.extensions.includes(ext));
  return found ? (found[0] as DocumentType) : null;
}

export function DocumentUpload({
  onUploaded,
  initialFile = null,
}: {
  onUploaded: (id: string) => void;
  /** A file dropped onto the page: chosen already, and shown in the file field. */
  initialFile?: File | null;
}) {
  const { me, loadTenant } = useDocumentKeys();
  const utils = trpc.useUtils();
  trpc.fax.gatewayKey.useQuery(undefined, { staleTime: GATEWAY_KEY_FRESH_MS }); // loaded early; read fresh when sealing
  const create = trpc.document.create.useMutation();
  const remove = trpc.document.delete.useMutation();
  const [file, setFile] = useState<File | null>(initialFile);
  const [name, setName] = useState(initialFile ? initialFile.name.slice(0, NAME_MAX) : "");
  const fileInput = useRef<HTMLInputElement>(null);
  // The dropped file shows in the field as if chosen there, so what happens next looks the same.
  useEffect(() => {
    if (!initialFile || !fileInput.current) return;
    try {
      const chosen = new DataTransfer();
      chosen.items.add(initialFile);
      fileInput.current.files = chosen.files;
    } catch {
      // A browser without a DataTransfer constructor: the file is still chosen, only not named there.
    }
  }, [initialFile]);
  const [quality, setQuality] = useState<(typeof FAX_QUALITIES)[number]>("FINE");
  const [progress, setProgress] = useState<UploadPhase | null>(null);
  const cancelRef = useRef<(() => void) | null>(null);
  const errors = useFieldErrors(create.error);
  const kind = file ? kindOf(file.name) : null;
  const busy = progress !== null;

  function pick(next: File | null) {
    setFile(next);
    if (next && !name) setName(next.name.slice(0, NAME_MAX));
  }

  async function submit(e: React.FormEvent) {
    e.preventDefault();
    const problems: Record<string, string> = {};
    if (!file) problems.file = "Choose a file to upload.";
    else if (!kind) problems.file = `This type of file cannot be faxed. Accepted: ${ACCEPTED_LIST}.`;
    else if (file.size === 0) problems.file = "The file is empty.";
    else if (file.size > MAX_DOCUMENT_BYTES) problems.file = "The file is larger than 50 MB.";
    if (!name.trim()) problems.name = "Enter a name for the document.";
    if (Object.keys(problems).length) return errors.setErrors(problems);
    if (!me) return errors.setErrors({ file: "Unlock your keys first (above), then upload." });
    const tenant = await loadTenant().catch(() => null);
    if (!tenant?.tenantPublicKey) {
      return errors.setErrors({
        file: "Your organisation's keys are not set up yet. Ask your organisation admin to sign in once.",
      });
    }
    // A quick click may come before the key has loaded: wait for it rather than refuse.
    const gatewayKey = await utils.fax.gatewayKey
      .fetch(undefined, { staleTime: GATEWAY_KEY_FRESH_MS })
      .catch(() => null);
    if (!gatewayKey) return errors.setErrors({ file: "The fax gateway is not reachable. Try again in a moment." });
    setProgress({ phase: "encrypting", fraction: 0 });
    const upload = uploadDocument(
      { file: file!, name: name.trim(), kind: kind!, quality },
      {
        me,
        tenantPublicKey: tenant.tenantPublicKey,
        gateway: gatewayKey,
        create: (input) => create.mutateAsync(input),
        remove: (id) => remove.mutateAsync({ id }),
      },
      setProgress,
    );
    cancelRef.current = upload.cancel;
    try {
      const id = await upload.done;
      setFile(null);
      setName("");
      onUploaded(id);
    } catch (error) {
      if (!(error instanceof UploadCancelled) && !create.error) {
        errors.setErrors({ file: error instanceof Error ? error.message : "The upload failed. Try again." });
      }
    } finally {
      cancelRef.current = null;
      setProgress(null);
    }
  }

  const percent = progress ? Math.round(progress.fraction * 100) : 0;
  return (
    <Form errors={errors} onSubmit={submit} className="grid gap-4">
      <FormAlert />
      {!me ? (
        <p className="text-sm text-amber-800" role="note">
          Your keys are locked in this tab: unlock them with your password (above the page) before uploading.
        </p>
      ) : null}
      <Field
        label="File"
        htmlFor="document-file"
        name="file"
        hint={`PDF, Word, Excel, PowerPoint, OpenDocument, RTF, text, TIFF or images, up to 50 MB. Encrypted in this browser before upload.`}
      >
        <Input
          ref={fileInput}
          id="document-file"
          type="file"
          accept={ACCEPT}
          disabled={busy}
          onChange={(e) => pick(e.target.files?.[0] ?? null)}
        />
      </Field>
      {kind && DOCUMENT_TYPES[kind].discouraged ? (
        <p className="text-sm text-amber-800" role="note">
          Photos and screenshots fax poorly (grey becomes dots); a PDF or document gives sharper pages.
        </p>
      ) : null}
      <Field
        label="Name"
        htmlFor="document-name"
        name="name"
        hint="Only you and your organisation's admins can read it."
      >
        <Input
          id="document-name"
          value={name}
          maxLength={NAME_MAX}
          disabled={busy}
          onChange={(e) => setName(e.target.value)}
        />
      </Field>
      <fieldset className="grid gap-2" disabled={busy}>
        <legend className="mb-1 text-sm font-medium">Fax quality</legend>
        {FAX_QUALITIES.map((q) => (
          <label key={q} className="flex items-start gap-2 text-sm">
            <input
              type="radio"
              name="document-quality"
              value={q}
              checked={quality === q}
              onChange={() => setQuality(q)}
              className="mt-1"
            />
            <span>
              {FAX_QUALITY_LABELS[q]}
              <span className="block text-xs text-muted-foreground">{QUALITY_HINTS[q]}</span>
            </span>
          </label>
        ))}
      </fieldset>
      {progress ? (
        <div className="grid gap-1" aria-live="polite">
          <label htmlFor="document-progress" className="text-sm">
            {progress.phase === "encrypting" ? "Encrypting" : "Uploading"} … {percent}%
          </label>
          <progress id="document-progress" className="w-full" max={100} value={percent} />
        </div>
      ) : null}
      <FormActions>
        {busy ? (
          <Button type="button" variant="outline" onClick={() => cancelRef.current?.()}>
            Cancel upload
          </Button>
        ) : null}
        <Button type="submit" disabled={busy}>
          Upload
        </Button>
      </FormActions>
    </Form>
  );
}
