"use client";
/**
 * A document decrypted in this browser: the original (as a PDF) beside the fax rendering at its
 * quality — exactly the pages a fax will carry. Side by side on wide screens, stacked on phones.
 */
import dynamic from "next/dynamic";
import { useEffect, useState } from "react";
import type { KeyPair } from "@/lib/crypto";
import { fetchDecrypted } from "@/lib/documents/fetch-decrypted";
import { type KeyForMe, openDocumentKeyFor, type TenantCopy } from "@/lib/documents/open-document-key";
import type { DocumentPart } from "@/lib/schemas/document";
import { FAX_QUALITY_LABELS } from "@/lib/schemas/fax";

// pdf.js runs in the browser only.
const PdfView = dynamic(() => import("./pdf-view"), { ssr: false, loading: () => <p className="text-sm">Opening…</p> });

type Viewable = { id: string; quality: keyof typeof FAX_QUALITY_LABELS; keyForMe: KeyForMe };

export function useDecryptedParts(document: Viewable, parts: DocumentPart[], me: KeyPair, tenant: TenantCopy) {
  const [bytes, setBytes] = useState<Partial<Record<DocumentPart, Uint8Array>>>({});
  const [error, setError] = useState<string | null>(null);
  const wanted = parts.join(",");
  // biome-ignore lint/correctness/useExhaustiveDependencies: `wanted` stands for `parts`
  useEffect(() => {
    let stale = false;
    void (async () => {
      try {
        const K = await openDocumentKeyFor(document.keyForMe, me, tenant);
        const fetched = await Promise.all(
          parts.map(async (p) => [p, await fetchDecrypted(document.id, p, K)] as const),
        );
        K.fill(0);
        if (!stale) setBytes(Object.fromEntries(fetched));
      } catch (e) {
        if (!stale) setError(e instanceof Error ? e.message : "The document could not be opened.");
      }
    })();
    return () => {
      stale = true;
    };
  }, [document.id, wanted, me, tenant.tenantPublicKey, tenant.mySealedKey]);
  return { bytes, error };
}

export function DocumentViewer({ document, me, tenant }: { document: Viewable; me: KeyPair; tenant: TenantCopy }) {
  const fax = `fax-${document.quality.toLowerCase()}.pdf` as DocumentPart;
  const { bytes, error } = useDecryptedParts(document, ["view.pdf", fax], me, tenant);
  if (error) return <p className="text-sm text-red-800">{error}</p>;
  const original = bytes["view.pdf"];
  const faxPages = bytes[fax];
  return (
    <div className="grid min-w-0 grid-cols-1 gap-4 lg:grid-cols-2">
      {original ? <PdfView bytes={original} label="Original" /> : <p className="text-sm">Decrypting…</p>}
      {faxPages ? (
        <PdfView bytes={faxPages} label={`As faxed: ${FAX_QUALITY_LABELS[document.quality]}`} />
      ) : (
        <p className="text-sm">Decrypting…</p>
      )}
    </div>
  );
}
