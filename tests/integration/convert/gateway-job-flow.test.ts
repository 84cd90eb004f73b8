/**
 * The shape of the gateway's conversion job, end to end with the real envelope: the browser uploaded
 * ciphertext and sealed K to the gateway; the gateway opens K, decrypts into its private directory,
 * converts, encrypts the outputs under a fresh key sealed to owner and tenant, and keeps no plaintext.
 */
import { createReadStream, createWriteStream } from "node:fs";
import { readdir } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import { Readable } from "node:stream";
import { pipeline } from "node:stream/promises";
import { describe, expect, it } from "vitest";
import { decryptContent, encryptContent } from "@/lib/crypto/content-stream";
import { newDocumentKey, openDocumentKey, sealDocumentKey, sealDocumentKeyFor } from "@/lib/crypto/document-key";
import { loadSodium } from "@/lib/crypto/sodium";
import { convertDocument, withConversionDir } from "@/server/gateway/convert";
import { blankPdf } from "./make-fixtures";

async function collect(source: AsyncIterable<Uint8Array>) {
  const parts: Uint8Array[] = [];
  for await (const p of source) parts.push(p);
  return Buffer.concat(parts);
}

describe("gateway conversion job with the envelope", () => {
  it("decrypts into the job directory, converts, re-encrypts the outputs for owner and tenant, leaves nothing behind", async () => {
    const sodium = await loadSodium();
    const pair = () => {
      const { publicKey, privateKey } = sodium.crypto_box_keypair();
      return { publicKey, privateKey };
    };
    const [owner, tenant, gateway] = [pair(), pair(), pair()];

    // Browser side: encrypt the upload, seal K to the gateway for this job.
    const documentKey = await newDocumentKey();
    const uploaded = await collect(encryptContent(documentKey, [blankPdf(2)]));
    const sealedForGateway = await sealDocumentKey(documentKey, gateway.publicKey);

    // Gateway side.
    let jobDir = "";
    const stored = await withConversionDir(async (workDir) => {
      jobDir = workDir;
      const key = await openDocumentKey(sealedForGateway, gateway);
      const plainPath = path.join(workDir, "upload.bin");
      await pipeline(Readable.from(decryptContent(key, [uploaded])), createWriteStream(plainPath));
      sodium.memzero(key);
      const result = await convertDocument(
        { inputPath: plainPath, declaredName: "scan.pdf" },
        { workDir, quality: "fine" },
      );
      if ("invalid" in result) throw new Error(result.invalid);
      const outputKey = await newDocumentKey();
      const tiff = await collect(encryptContent(outputKey, createReadStream(result.tiffPath)));
      const sealed = await sealDocumentKeyFor(outputKey, owner.publicKey, tenant.publicKey);
      sodium.memzero(outputKey);
      return { tiff, sealed, pages: result.pages };
    });

    expect(stored.pages).toBe(2);
    expect((await readdir(tmpdir())).includes(path.basename(jobDir))).toBe(false);
    // The owner (and the tenant) can open the fax; it is a TIFF.
    for (const who of [owner, tenant]) {
      const key = await openDocumentKey(who === owner ? stored.sealed.forOwner : stored.sealed.forTenant, who);
      const tiff = await collect(decryptContent(key, [stored.tiff]));
      expect(tiff.subarray(0, 4)).toEqual(Buffer.from([0x49, 0x49, 0x2a, 0x00]));
    }
    // The gateway's key does not open the outputs.
    await expect(openDocumentKey(stored.sealed.forOwner, gateway)).rejects.toMatchObject({
      reason: "wrong-key-or-tampered",
    });
  });
});
