/**
 * Fetches one stored part of a document (ciphertext) and decrypts it in the browser: the original and
 * its viewable PDF under K, the fax pages under the pages key P derived from K.
 */
import { decryptContent } from "../crypto/content-stream";
import { pagesKey } from "../crypto/document-key";
import type { DocumentPart } from "../schemas/document";

export async function fetchDecrypted(
  documentId: string,
  part: DocumentPart,
  documentKey: Uint8Array,
): Promise<Uint8Array> {
  const response = await fetch(`/api/documents/${documentId}/${part}`, { credentials: "same-origin" });
  if (!response.ok) {
    const body = (await response.json().catch(() => null)) as { error?: { message?: string } } | null;
    throw new Error(body?.error?.message ?? "The document could not be fetched. Try again.");
  }
  const cipher = new Uint8Array(await response.arrayBuffer());
  const parts: Uint8Array[] = [];
  let length = 0;
  const key = part.startsWith("fax-") ? await pagesKey(documentKey) : documentKey;
  for await (const piece of decryptContent(key, [cipher])) {
    parts.push(piece);
    length += piece.length;
  }
  if (key !== documentKey) key.fill(0);
  const plain = new Uint8Array(length);
  let at = 0;
  for (const piece of parts) {
    plain.set(piece, at);
    at += piece.length;
  }
  return plain;
}
