/**
 * The gateway's conversion of one uploaded document (run by inngest/functions/convert-document.ts,
 * never in a web request). The one place a document's plaintext exists on the server side, and only
 * inside the job's private directory:
 *   open the conversion grant the browser sealed for this job (lib/crypto/gateway-grant.ts: the
 *   original's stream key S and the pages key P — never K, so never the name) → decrypt the original
 *   → convert (server/gateway/convert: real type, limits, PDF, fax TIFF) → fax TIFFs at the other
 *   qualities from the PDF, and each TIFF wrapped as a PDF for the browser's viewer → encrypt the
 *   viewable PDF under S and the fax pages under P → store → READY with the page count, or INVALID.
 * Then the gateway's grant is cleared, S and P zeroed, the directory wiped. Running it again after a
 * crash writes the same objects again (each put replaces atomically) and marks the same result.
 */
import { createReadStream, createWriteStream } from "node:fs";
import { mkdir } from "node:fs/promises";
import path from "node:path";
import { Readable } from "node:stream";
import { pipeline } from "node:stream/promises";
import {
  CryptoError,
  decryptContent,
  encryptContent,
  type GatewayKeys,
  loadSodium,
  openGatewayGrant,
} from "@/lib/crypto";
import { DOCUMENT_TYPES, type DocumentType } from "@/lib/documents/document-types";
import type { DocumentPart } from "@/lib/schemas/document";
import { systemDb } from "../db/system-db";
import type { SendFaxRuntime } from "../fax/send-fax-runtime";
import { convertDocument, type FaxQuality, withConversionDir } from "../gateway/convert";
import { conversionLimitsSchema, conversionToolsSchema } from "../gateway/convert/conversion-options";
import { pdfToFaxTiff } from "../gateway/convert/pdf-to-fax-tiff";
import { runTool } from "../gateway/convert/run-tool";
import { documentPartKey } from "./document-storage-keys";

const QUALITIES: FaxQuality[] = ["standard", "fine", "superfine"];

type Outcome = { status: "READY"; pages: number } | { status: "INVALID"; reason: string } | { status: "SKIPPED" };

export async function convertStoredDocument(
  documentId: string,
  runtime: Pick<SendFaxRuntime, "storage" | "gatewayKeys">,
): Promise<Outcome> {
  const db = systemDb(); // system work: the job acts for the gateway, not for a person
  const document = await db.document.findUnique({
    where: { id: documentId },
    select: { id: true, status: true, kind: true, quality: true, storageKey: true, gatewaySealedKey: true },
  });
  if (document?.status !== "PROCESSING" || !document.gatewaySealedKey) return { status: "SKIPPED" };
  const outcome = await convertWithKey(document, document.gatewaySealedKey, runtime);
  await db.document.updateMany({
    where: { id: document.id, status: "PROCESSING" },
    data:
      outcome.status === "READY"
        ? { status: "READY", pageCount: outcome.pages, invalidReason: null, gatewaySealedKey: null }
        : { status: "INVALID", invalidReason: outcome.reason, gatewaySealedKey: null },
  });
  return outcome;
}

async function convertWithKey(
  document: { storageKey: string; kind: string; quality: string },
  sealed: Uint8Array,
  runtime: Pick<SendFaxRuntime, "storage" | "gatewayKeys">,
): Promise<Exclude<Outcome, { status: "SKIPPED" }>> {
  const kind = document.kind as DocumentType;
  if (!DOCUMENT_TYPES[kind])
    return { status: "INVALID", reason: "Invalid attachment: this type of file cannot be faxed." };
  let keys: GatewayKeys;
  try {
    keys = await openGatewayGrant(sealed, "convert", (id) => runtime.gatewayKeys.open(id));
  } catch (error) {
    if (error instanceof CryptoError) {
      return {
        status: "INVALID",
        reason: "Invalid attachment: the document's key could not be opened. Upload it again.",
      };
    }
    throw error;
  }
  try {
    return await withConversionDir(async (dir) => {
      const original = path.join(dir, `original.${DOCUMENT_TYPES[kind].extensions[0]}`);
      try {
        const cipher = await runtime.storage.get(document.storageKey);
        await pipeline(
          Readable.from(decryptContent({ streamKey: keys.originalStreamKey! }, cipher)),
          createWriteStream(original, { mode: 0o600 }),
        );
      } catch (error) {
        if (error instanceof CryptoError) {
          return {
            status: "INVALID",
            reason: "Invalid attachment: the upload is damaged (it does not decrypt). Upload it again.",
          };
        }
        throw error;
      }
      const chosen = document.quality.toLowerCase() as FaxQuality;
      const work = path.join(dir, "work");
      await mkdir(work, { mode: 0o700 });
      const converted = await convertDocument(
        { inputPath: original, declaredName: path.basename(original) },
        { workDir: work, quality: chosen },
      );
      if ("invalid" in converted) return { status: "INVALID", reason: converted.invalid };
      const tools = conversionToolsSchema.parse({});
      const { timeoutMs, maxPages } = conversionLimitsSchema.parse({});
      const outputs: [DocumentPart, string][] = [["view.pdf", converted.pdfPath]];
      for (const quality of QUALITIES) {
        let tiff = converted.tiffPath;
        if (quality !== chosen) {
          tiff = path.join(work, `fax-${quality}.tif`);
          const rendered = await pdfToFaxTiff({
            gs: tools.gs,
            pdfPath: converted.pdfPath,
            tiffPath: tiff,
            quality,
            jobDir: work,
            timeoutMs,
            maxPages,
          });
          if ("invalid" in rendered) return { status: "INVALID", reason: rendered.invalid };
          if (rendered.pages !== converted.pages) {
            return { status: "INVALID", reason: "Invalid attachment: the document renders differently each time." };
          }
        }
        // The fax pages as a PDF too, so the browser's PDF viewer shows exactly what will be sent.
        const faxPdf = path.join(work, `fax-${quality}.pdf`);
        const wrapped = await runTool(tools.tiff2pdf, ["-o", faxPdf, tiff], { jobDir: work, timeoutMs });
        if (wrapped.code !== 0)
          return { status: "INVALID", reason: "Invalid attachment: the fax pages could not be made." };
        outputs.push([`fax-${quality}.tif` as DocumentPart, tiff], [`fax-${quality}.pdf` as DocumentPart, faxPdf]);
      }
      for (const [part, file] of outputs) {
        // The viewable PDF is the original's rendering (S); the fax pages are P's, which a send opens.
        const under = part === "view.pdf" ? { streamKey: keys.originalStreamKey! } : keys.pagesKey;
        await runtime.storage.put(
          documentPartKey(document, part),
          Readable.from(encryptContent(under, createReadStream(file))),
        );
      }
      return { status: "READY", pages: converted.pages };
    });
  } finally {
    const sodium = await loadSodium();
    sodium.memzero(keys.pagesKey);
    if (keys.originalStreamKey) sodium.memzero(keys.originalStreamKey);
  }
}
