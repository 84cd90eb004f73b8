/**
 * The one place a send job touches plaintext: the fax TIFF's ciphertext (under the document key K)
 * is fetched from storage, K is opened with the gateway's private key from the copy the browser
 * sealed for this job, and the TIFF is decrypted into a private directory that is wiped — and K
 * zeroed — as soon as `use` returns. Nothing here keeps a key.
 *
 * Contract with the documents flow: the browser (or the gateway's conversion job) stores each
 * document's fax pages at the chosen quality under `faxTiffKeyFor(document, quality)`, encrypted
 * with lib/crypto's content stream under the document's K; to send, it seals K to
 * `gatewayPublicKey()` and passes that sealed copy with the send request.
 */
import { createWriteStream } from "node:fs";
import path from "node:path";
import { Readable } from "node:stream";
import { pipeline } from "node:stream/promises";
import { CryptoError, decryptContent, type KeyPair, loadSodium, openDocumentKey } from "@/lib/crypto";
import type { FaxFailureCode } from "@/lib/fax-statuses";
import { type ObjectStorage, StorageNotFoundError } from "../storage/object-storage";
import { withConversionDir } from "./convert/conversion-dir";
import type { FaxResolution } from "./types";

/** Where a document's fax pages at one quality are stored (ciphertext under the document's key). */
export function faxTiffKeyFor(document: { storageKey: string }, quality: FaxResolution): string {
  return `${document.storageKey}.fax-${quality.toLowerCase()}.tif`;
}

export type FaxDocumentRef = { faxTiffKey: string | null; gatewaySealedKey: Uint8Array | null };

/** The document could not be opened: why, as a fax outcome (never worth redialling). */
export type FaxDocumentProblem = { opened: false; outcome: FaxFailureCode; message: string };

export async function withFaxDocument<T>(
  ref: FaxDocumentRef,
  deps: { storage: ObjectStorage; gatewayKey: KeyPair },
  use: (tiffPath: string) => Promise<T>,
): Promise<{ opened: true; result: T } | FaxDocumentProblem> {
  if (!ref.faxTiffKey || !ref.gatewaySealedKey) {
    return { opened: false, outcome: "NO_ATTACHMENT", message: "No document (or its key) was given to send" };
  }
  let documentKey: Uint8Array;
  try {
    documentKey = await openDocumentKey(ref.gatewaySealedKey, deps.gatewayKey);
  } catch (error) {
    if (error instanceof CryptoError) return { opened: false, outcome: "INVALID_ATTACHMENT", message: error.message };
    throw error;
  }
  try {
    return await withConversionDir(async (dir) => {
      const tiffPath = path.join(dir, "fax.tif");
      try {
        const cipher = await deps.storage.get(ref.faxTiffKey!);
        await pipeline(
          Readable.from(decryptContent(documentKey, cipher)),
          createWriteStream(tiffPath, { mode: 0o600 }),
        );
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
    (await loadSodium()).memzero(documentKey);
  }
}
