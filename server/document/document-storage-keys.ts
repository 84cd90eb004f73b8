/**
 * The one rule for where an organisation's objects live in storage: a document's original under its
 * storage key, what the conversion makes under that key plus a suffix (the fax pages the send job
 * reads included), and a fax's transmission report beside them. All of it is ciphertext.
 */
import { DOCUMENT_PARTS, type DocumentPart } from "@/lib/schemas/document";
import type { FaxResolution } from "../gateway/types";

export function documentStorageKey(tenantId: string, documentId: string): string {
  return `documents/${tenantId}/${documentId}`;
}

export function documentPartKey(document: { storageKey: string }, part: DocumentPart): string {
  return part === "original" ? document.storageKey : `${document.storageKey}.${part}`;
}

/** Every object a document may have, for deleting them all. */
export function allDocumentPartKeys(document: { storageKey: string }): string[] {
  return DOCUMENT_PARTS.map((part) => documentPartKey(document, part));
}

/** Where a document's fax pages at one quality are stored (ciphertext under the document's pages key). */
export function faxTiffKeyFor(document: { storageKey: string }, quality: FaxResolution): string {
  return documentPartKey(document, `fax-${quality.toLowerCase() as Lowercase<FaxResolution>}.tif`);
}

/** Where a fax's transmission report lives (ciphertext under its own key). */
export function faxReportKey(tenantId: string, faxJobId: string): string {
  return `documents/${tenantId}/fax-${faxJobId}.report`;
}
