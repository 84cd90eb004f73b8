/**
 * Where a document's objects live in storage. The original under its storage key; what the
 * conversion makes under that key plus a suffix (the send job already reads fax TIFFs this way:
 * server/gateway/open-fax-document.ts faxTiffKeyFor). All of it is ciphertext under the document key.
 */
import { DOCUMENT_PARTS, type DocumentPart } from "@/lib/schemas/document";

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
