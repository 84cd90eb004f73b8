"use client";
/**
 * Fax titles live only encrypted under the fax's document key K (encryptFaxTitle): the browser
 * encrypts one when it sends and decrypts them wherever they are shown. When K is no longer
 * there (the document was deleted) or not yet this person's (waiting for access), a plain word
 * says so instead.
 */
import { useEffect, useRef, useState } from "react";
import type { KeyPair } from "@/lib/crypto";
import { decryptFaxTitle, encryptFaxTitle } from "@/lib/crypto/document-key";
import { fromBase64, toBase64 } from "@/lib/crypto/encoding";
import { type KeyForMe, openDocumentKeyFor, type TenantCopy } from "@/lib/documents/open-document-key";

export const UNTITLED = "Untitled";
export const TITLE_OF_DELETED_DOCUMENT = "Title gone: document deleted";
export const TITLE_WAITING_FOR_ACCESS = "Title locked: waiting for access";

export type Titled = {
  id: string;
  titleCipher: string | null;
  documentId: string | null;
  documentKeyForMe: KeyForMe;
};

/** The title (or the document's name when none was typed) encrypted under the document's key, for sending. */
export async function encryptTitleFor(
  text: string,
  keyForMe: KeyForMe,
  me: KeyPair,
  tenant: TenantCopy,
): Promise<string | undefined> {
  if (!text.trim()) return undefined;
  const K = await openDocumentKeyFor(keyForMe, me, tenant);
  try {
    return await toBase64(await encryptFaxTitle(text.trim(), K));
  } finally {
    K.fill(0);
  }
}

async function readTitle(row: Titled, me: KeyPair, tenant: TenantCopy): Promise<string> {
  if (!row.titleCipher) return UNTITLED;
  if (!row.documentId) return TITLE_OF_DELETED_DOCUMENT;
  if (!row.documentKeyForMe) return TITLE_WAITING_FOR_ACCESS;
  try {
    const K = await openDocumentKeyFor(row.documentKeyForMe, me, tenant);
    try {
      return await decryptFaxTitle(await fromBase64(row.titleCipher), K);
    } finally {
      K.fill(0);
    }
  } catch {
    return TITLE_WAITING_FOR_ACCESS;
  }
}

/** id → title as this person can read it; missing while the keys are locked or still opening. */
export function useFaxTitles(rows: readonly Titled[] | undefined, me: KeyPair | null, tenant: TenantCopy) {
  const [titles, setTitles] = useState<Record<string, string>>({});
  const { tenantPublicKey, mySealedKey } = tenant;
  // Live lists refetch every second or two: decrypt again only when what is decrypted changed.
  const latest = useRef(rows);
  latest.current = rows;
  const signature = rows
    ?.map((r) => `${r.id}:${r.titleCipher}:${r.documentId}:${r.documentKeyForMe?.sealedKey}`)
    .join();
  useEffect(() => {
    const current = latest.current;
    if (signature === undefined || !current || !me) return;
    let stale = false;
    const tenant = { tenantPublicKey, mySealedKey };
    void (async () => {
      const next: Record<string, string> = {};
      for (const row of current) next[row.id] = await readTitle(row, me, tenant);
      if (!stale) setTitles(next);
    })();
    return () => {
      stale = true;
    };
  }, [signature, me, tenantPublicKey, mySealedKey]);
  return titles;
}
