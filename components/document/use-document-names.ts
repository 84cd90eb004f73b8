"use client";
/** Opens each listed document's key and decrypts its name, in this browser only. */
import { useEffect, useState } from "react";
import type { KeyPair } from "@/lib/crypto";
import { decryptName } from "@/lib/crypto/document-key";
import { fromBase64 } from "@/lib/crypto/encoding";
import { type KeyForMe, openDocumentKeyFor, type TenantCopy } from "@/lib/documents/open-document-key";

export type Named = { id: string; nameCipher: string; keyForMe: KeyForMe };

/** id → name, or null while it cannot be read (waiting for access, keys locked). */
export function useDocumentNames(rows: readonly Named[] | undefined, me: KeyPair | null, tenant: TenantCopy) {
  const [names, setNames] = useState<Record<string, string | null>>({});
  const { tenantPublicKey, mySealedKey } = tenant;
  useEffect(() => {
    if (!rows || !me) return;
    let stale = false;
    const tenant = { tenantPublicKey, mySealedKey };
    void (async () => {
      const next: Record<string, string | null> = {};
      for (const row of rows) {
        try {
          const K = await openDocumentKeyFor(row.keyForMe, me, tenant);
          next[row.id] = await decryptName(await fromBase64(row.nameCipher), K);
          K.fill(0);
        } catch {
          next[row.id] = null;
        }
      }
      if (!stale) setNames(next);
    })();
    return () => {
      stale = true;
    };
  }, [rows, me, tenantPublicKey, mySealedKey]);
  return names;
}
