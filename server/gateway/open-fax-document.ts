/**
 * The one place a send job touches plaintext: the fax TIFF's ciphertext (under the document's pages
 * key P) is fetched from storage, P is opened with the gateway key the browser sealed this job's
 * grant to, and the TIFF is decrypted into a private directory that is wiped — and P zeroed — as
 * soon as `use` returns. Nothing here keeps a key, and P opens the fax pages only: never the
 * original, never the name.
 *
 * Contract with the documents flow: the gateway's conversion job stores each document's fax pages at
 * every quality under `faxTiffKeyFor(document, quality)` (server/document/document-storage-keys.ts), encrypted with lib/crypto's content stream
 * under P = pagesKey(K); to send, the browser seals a "send" grant (lib/crypto/gateway-grant.ts) to
 * the gateway's current key and passes it with the send request.
 */
import { createWriteStream } from "node:fs";
import path from "node:path";
import { Readable } from "node:stream";
import { pipeline } from "node:stream/promises";
import { CryptoError, decryptContent, loadSodium, openGatewayGrant } from "@/lib/crypto";
import type { FaxFailureCode } from "@/lib/fax-statuses";
import { type ObjectStorage, StorageNotFoundError } from "../storage/object-storage";
import { withConversionDir } from "./convert/conversion-dir";
import type { GatewayKeyRing } from "./gateway-key-ring";

export type FaxDocumentRef = { faxTiffKey: string | null; gatewaySealedKey: Uint8Array | null };

/** The document could not be opened: why, as a fax outcome (never worth redialling). */
export type FaxDocumentProblem = { opened: false; outcome: FaxFailureCode; message: string };

export async function withFaxDocument<T>(
  ref: FaxDocumentRef,
  deps: { storage: ObjectStorage; gatewayKeys: GatewayKeyRing },
  use: (tiffPath: string) => Promise<T>,
): Promise<{ opened: true; result: T } | FaxDocumentProblem> {
  if (!ref.faxTiffKey || !ref.gatewaySealedKey) {
    return { opened: false, outcome: "NO_ATTACHMENT", message: "No document (or its key) was given to send" };
  }
  let pagesKey: Uint8Array;
  try {
    ({ pagesKey } = await openGatewayGrant(ref.gatewaySealedKey, "send", (id) => deps.gatewayKeys.open(id)));
  } catch (error) {
    if (error instanceof CryptoError) return { opened: false, outcome: "INVALID_ATTACHMENT", message: error.message };
    throw error;
  }
  try {
    return await withConversionDir(async (dir) => {
      const tiffPath = path.join(dir, "fax.tif");
      try {
        const cipher = await deps.storage.get(ref.faxTiffKey!);
        await pipeline(Readable.from(decryptContent(pagesKey, cipher)), createWriteStream(tiffPath, { mode: 0o600 }));
      } catch (error) {
        if (error instanceof StorageNotFoundError) {
          const message = "The fax pages of this document are not in storage";
          return { opened: false, outcome: "NO_ATTACHMENT", message } as const;
        }
        if (error instanceof CryptoError)
          return { opened: false, outcome: "INVALID_ATTACHMENT", message: error.message } as const;
        throw error;
      }
      return { opened: true, result: await use(tiffPath) } as const;
    });
  } finally {
    (await loadSodium()).memzero(pagesKey);
  }
}
