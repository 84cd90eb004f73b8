/**
 * A document ready to fax, the way the documents flow leaves it: a multi-page PDF converted by the
 * gateway's own pipeline (server/gateway/convert) into the fax TIFF at one quality, encrypted with
 * the pages key of a fresh document key into storage at faxTiffKeyFor(), and a "send" grant sealed
 * to the gateway's current key (what the browser hands over).
 */
import { execFileSync } from "node:child_process";
import { copyFileSync, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import path from "node:path";
import { encryptContent, encryptFaxTitle, newDocumentKey, pagesKey, sealGatewayGrant, toBase64 } from "@/lib/crypto";
import { faxTiffKeyFor } from "@/server/document/document-storage-keys";
import { convertDocument, type FaxQuality, withConversionDir } from "@/server/gateway/convert";
import { makeScratchDir, processScratchDir } from "@/server/gateway/convert/scratch-root";
import { GatewayKeyRing, type GatewayKeyTiming } from "@/server/gateway/gateway-key-ring";
import type { FaxResolution } from "@/server/gateway/types";
import type { ObjectStorage } from "@/server/storage/object-storage";
import { getDb } from "../../server/db/client";

/** A PDF of `pages` letter pages, each with its own text and drawing (ghostscript). */
export function makePdf(dir: string, pages: number, label: string): string {
  const ps = path.join(dir, `${label}.ps`);
  const body = Array.from({ length: pages }, (_, i) => {
    const n = i + 1;
    return `/Helvetica findfont 30 scalefont setfont 72 ${690 - n * 25} moveto (${label} page ${n} of ${pages}) show
      3 setlinewidth 90 120 moveto ${160 + n * 70} ${420 - n * 40} lineto stroke showpage`;
  }).join("\n");
  writeFileSync(ps, `%!PS\n${body}\n`);
  const pdf = path.join(dir, `${label}.pdf`);
  execFileSync("gs", [
    "-q",
    "-dNOPAUSE",
    "-dBATCH",
    "-dSAFER",
    "-sDEVICE=pdfwrite",
    "-sPAPERSIZE=letter",
    `-sOutputFile=${pdf}`,
    ps,
  ]);
  return pdf;
}

export async function prepareFaxDocument(opts: {
  tenantId: string;
  ownerId: string;
  pages: number;
  quality: FaxResolution;
  storage: ObjectStorage;
  gatewayKeys: GatewayKeyRing;
  label?: string;
  /** Keep the plain fax pages at `tiffPath` (until the process exits) to compare with what arrived. */
  keepPages?: boolean;
}) {
  // Plaintext pages: in the private scratch root (swept once this process is gone), not the system temp dir;
  // removed at once, or at exit when kept to compare (a kill -9 skips exit: then the sweep does it).
  const dir = await makeScratchDir("test-document");
  if (opts.keepPages) process.once("exit", () => rmSync(dir, { recursive: true, force: true }));
  const label = opts.label ?? `Referral-${opts.quality}`;
  const pdf = makePdf(dir, opts.pages, label);
  const tiffPath = path.join(dir, `${label}.tif`);
  await withConversionDir(async (workDir) => {
    const converted = await convertDocument(
      { inputPath: pdf, declaredName: `${label}.pdf` },
      { workDir, quality: opts.quality.toLowerCase() as FaxQuality },
    );
    if ("invalid" in converted) throw new Error(converted.invalid);
    copyFileSync(converted.tiffPath, tiffPath);
  });
  const document = await getDb().document.create({
    data: {
      tenantId: opts.tenantId,
      ownerId: opts.ownerId,
      // Test rows: the name and owner/tenant copies are placeholders (only the gateway's copy is used here).
      nameCipher: Buffer.from("not a real name cipher"),
      kind: "pdf",
      status: "READY",
      ownerSealedKey: Buffer.alloc(81),
      ownerKeyFor: "test",
      tenantSealedKey: Buffer.alloc(81),
      quality: opts.quality,
      sizeBytes: 1000,
      pageCount: opts.pages,
      storageKey: `tenants/${opts.tenantId}/documents/${label}-${Date.now()}`,
    },
  });
  const key = await newDocumentKey();
  const { readFileSync } = await import("node:fs");
  const pages = readFileSync(tiffPath);
  if (!opts.keepPages) rmSync(dir, { recursive: true, force: true });
  await opts.storage.put(faxTiffKeyFor(document, opts.quality), encryptContent(await pagesKey(key), [pages]));
  /** A send grant of this document for the gateway's current key (a resend: the browser seals again). */
  const sealAgain = async () => toBase64(await sealGatewayGrant(key, "send", await opts.gatewayKeys.current()));
  /** A title as the browser sends it: encrypted under the document's key. */
  const titleCipher = async (title: string) => toBase64(await encryptFaxTitle(title, key));
  return {
    document,
    documentKey: key,
    tiffPath: opts.keepPages ? tiffPath : null,
    gatewaySealedKey: await sealAgain(),
    sealAgain,
    titleCipher,
  };
}

/**
 * A gateway key ring of the test's own, in this process's scratch folder (never the system temp
 * directory): removed at exit, or by the next sweep when a test worker is torn down without one.
 */
export function testGatewayKeyRing(options: { now?: () => Date; timing?: Partial<GatewayKeyTiming> } = {}) {
  const dir = mkdtempSync(path.join(processScratchDir(), "test-gateway-keys-"));
  return new GatewayKeyRing({ dir, ...options });
}
