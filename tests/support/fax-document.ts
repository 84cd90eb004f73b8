/**
 * A document ready to fax, the way the documents flow leaves it: a multi-page PDF converted by the
 * gateway's own pipeline (server/gateway/convert) into the fax TIFF at one quality, encrypted with
 * a fresh document key into storage at faxTiffKeyFor(), and that key sealed to the gateway for the
 * send (what the browser hands over).
 */
import { execFileSync } from "node:child_process";
import { copyFileSync, mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { encryptContent, encryptFaxTitle, loadSodium, newDocumentKey, sealDocumentKey, toBase64 } from "@/lib/crypto";
import { convertDocument, type FaxQuality, withConversionDir } from "@/server/gateway/convert";
import { faxTiffKeyFor } from "@/server/gateway/open-fax-document";
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
  gatewayPublicKey: Uint8Array;
  label?: string;
}) {
  const dir = mkdtempSync(path.join(tmpdir(), "faxport-doc-"));
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
  const { createReadStream } = await import("node:fs");
  await opts.storage.put(faxTiffKeyFor(document, opts.quality), encryptContent(key, createReadStream(tiffPath)));
  const sealed = await toBase64(await sealDocumentKey(key, opts.gatewayPublicKey));
  /** Another sealed copy of the same key (a resend: the browser seals again). */
  const sealAgain = async () => toBase64(await sealDocumentKey(key, opts.gatewayPublicKey));
  /** A title as the browser sends it: encrypted under the document's key. */
  const titleCipher = async (title: string) => toBase64(await encryptFaxTitle(title, key));
  return { document, documentKey: key, tiffPath, gatewaySealedKey: sealed, sealAgain, titleCipher };
}

/** A gateway key pair for the test, installed where gatewayKeyPair() reads it. */
export async function installTestGatewayKey() {
  const sodium = await loadSodium();
  const pair = sodium.crypto_box_keypair();
  process.env.FAXPORT_GATEWAY_SECRET_KEY = await toBase64(pair.privateKey);
  return { publicKey: pair.publicKey, privateKey: pair.privateKey };
}
