"use client";
/** The exact pages a fax will carry (the document's fax rendering at one quality), decrypted here. */
import dynamic from "next/dynamic";
import { useDecryptedParts } from "@/components/document/document-viewer";
import type { KeyPair } from "@/lib/crypto";
import type { KeyForMe, TenantCopy } from "@/lib/documents/open-document-key";
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
}: {
  document: { id: string; keyForMe: KeyForMe; quality: keyof typeof FAX_QUALITY_LABELS };
  quality: keyof typeof FAX_QUALITY_LABELS;
  me: KeyPair;
  tenant: TenantCopy;
}) {
  const part = `fax-${quality.toLowerCase()}.pdf` as DocumentPart;
  const { bytes, error } = useDecryptedParts({ ...document, quality }, [part], me, tenant);
  if (error) return <p className="text-sm text-red-800">{error}</p>;
  const pages = bytes[part];
  return pages ? (
    <PdfView bytes={pages} label={`Fax pages: ${FAX_QUALITY_LABELS[quality]}`} />
  ) : (
    <p className="text-sm">Decrypting…</p>
  );
}
