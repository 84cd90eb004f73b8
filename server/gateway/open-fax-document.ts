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
 * the gateway's current key and passes it with the send request. A cover page the browser made is
 * stored on the fax encrypted under the same P, so the same grant opens it; it is rendered and put
 * first here, in the same private directory.
 */
import { createWriteStream } from "node:fs";
import path from "node:path";
import { Readable } from "node:stream";
import { pipeline } from "node:stream/promises";
import { CryptoError, decryptContent, loadSodium, openGatewayGrant } from "@/lib/crypto";
import type { FaxFailureCode } from "@/lib/fax-statuses";
import { type ObjectStorage, StorageNotFoundError } from "../storage/object-storage";
import { withConversionDir } from "./convert/conversion-dir";
import { conversionToolsSchema, type FaxQuality } from "./convert/conversion-options";
import { pdfToFaxTiff } from "./convert/pdf-to-fax-tiff";
import { runTool } from "./convert/run-tool";
import type { GatewayKeyRing } from "./gateway-key-ring";
import type { FaxResolution } from "./types";

export type FaxDocumentRef = {
  faxTiffKey: string | null;
  gatewaySealedKey: Uint8Array | null;
  /** A cover page (a one-page PDF under the same pages key P), sent before the document's pages. */
  coverCipher?: Uint8Array | null;
  /** The fax's quality: the cover page is rendered at it. */
  quality?: FaxResolution;
};

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
      if (!ref.coverCipher) return { opened: true, result: await use(tiffPath) } as const;
      const withCover = await prependCoverPage(dir, tiffPath, ref.coverCipher, pagesKey, ref.quality ?? "FINE");
      if ("invalid" in withCover) {
        return { opened: false, outcome: "INVALID_ATTACHMENT", message: withCover.invalid } as const;
      }
      return { opened: true, result: await use(withCover.tiffPath) } as const;
    });
  } finally {
    (await loadSodium()).memzero(pagesKey);
  }
}

/**
 * The cover page, decrypted with P into the call's private directory, rendered at the fax's quality
 * (ghostscript, as documents are) and put before the document's pages (libtiff's tiffcp), both in the
 * sandbox. The plaintext goes with the directory when the call ends.
 */
async function prependCoverPage(
  dir: string,
  tiffPath: string,
  coverCipher: Uint8Array,
  pagesKey: Uint8Array,
  quality: FaxResolution,
): Promise<{ tiffPath: string } | { invalid: string }> {
  const pdfPath = path.join(dir, "cover.pdf");
  try {
    await pipeline(Readable.from(decryptContent(pagesKey, [coverCipher])), createWriteStream(pdfPath, { mode: 0o600 }));
  } catch (error) {
    if (error instanceof CryptoError) return { invalid: `The cover page: ${error.message}` };
    throw error;
  }
  const tools = conversionToolsSchema.parse({});
  const coverTiff = path.join(dir, "cover.tif");
  const rendered = await pdfToFaxTiff({
    gs: tools.gs,
    pdfPath,
    tiffPath: coverTiff,
    quality: quality.toLowerCase() as FaxQuality,
    jobDir: dir,
    timeoutMs: COVER_TIMEOUT_MS,
    maxPages: 1,
  });
  if ("invalid" in rendered) return { invalid: "The cover page could not be rendered as a fax page" };
  const combined = path.join(dir, "fax-with-cover.tif");
  const joined = await runTool(tools.tiffcp, [coverTiff, tiffPath, combined], {
    jobDir: dir,
    timeoutMs: COVER_TIMEOUT_MS,
  });
  if (joined.code !== 0) return { invalid: "The cover page could not be put before the fax pages" };
  return { tiffPath: combined };
}

const COVER_TIMEOUT_MS = 30_000;
