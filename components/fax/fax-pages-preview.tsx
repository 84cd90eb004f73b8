"use client";
/**
 * The exact pages a fax will carry (its cover page, if any, then the document's fax rendering at one
 * quality), decrypted here, each under the header line the far end will print (lib/fax-header.ts).
 */
import dynamic from "next/dynamic";
import { useDecryptedParts } from "@/components/document/document-viewer";
import type { KeyPair } from "@/lib/crypto";
import type { KeyForMe, TenantCopy } from "@/lib/documents/open-document-key";
import { faxHeaderInfo, faxHeaderLine } from "@/lib/fax-header";
import type { DocumentPart } from "@/lib/schemas/document";
import { FAX_QUALITY_LABELS } from "@/lib/schemas/fax";

const PdfView = dynamic(() => import("@/components/document/pdf-view"), {
  ssr: false,
  loading: () => <p className="text-sm">Opening…</p>,
});

export function FaxPagesPreview({
  document,
  quality,
  me,
  tenant,
  header,
  cover,
}: {
  document: { id: string; keyForMe: KeyForMe; quality: keyof typeof FAX_QUALITY_LABELS };
  quality: keyof typeof FAX_QUALITY_LABELS;
  me: KeyPair;
  tenant: TenantCopy;
  /** Who the header names: the organisation, its time zone, the chosen caller ID. */
  header?: { organisation: string; timeZone: string; callerId: string | null; pages: number | null };
  /** A cover page (PDF) made in this browser, shown first as the fax's page 1. */
  cover?: Uint8Array;
}) {
  const part = `fax-${quality.toLowerCase()}.pdf` as DocumentPart;
  const { bytes, error } = useDecryptedParts({ ...document, quality }, [part], me, tenant);
  if (error) return <p className="text-sm text-red-800">{error}</p>;
  const pages = bytes[part];
  return pages ? (
    <PdfView
      bytes={pages}
      before={cover}
      label={`Fax pages: ${FAX_QUALITY_LABELS[quality]}`}
      pageHeader={
        header
          ? (page) =>
              faxHeaderLine({
                at: new Date(),
                timeZone: header.timeZone,
                info: faxHeaderInfo(header.organisation, header.pages),
                callerId: header.callerId,
                page,
              })
          : undefined
      }
    />
  ) : (
    <p className="text-sm">Decrypting…</p>
  );
}
