/**
 * Issue 16: files another organisation's user uploads to attack the converter. Each ends as a plain
 * refusal within its limits, and nothing outside the job's own directory is read, written, deleted
 * or fetched: not another job's decrypted original, not the system temp dir, not the data directory,
 * not a web server on 127.0.0.1.
 */
import { mkdtempSync, readFileSync, rmSync, statSync, utimesSync, writeFileSync } from "node:fs";
import { writeFile } from "node:fs/promises";
import { createServer, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { type ConversionResult, convertDocument, convertDocuments, withConversionDir } from "@/server/gateway/convert";
import { runTool } from "@/server/gateway/convert/run-tool";
import {
  docxLyingAboutSize,
  docxWithExternalImage,
  endlessPdf,
  flateBombPdf,
  htmlWithExternalImage,
  lyingPageCountPdf,
  manyPagesPdf,
  odtWithExternalImage,
  postscriptWearingPdfHeader,
  rtfWithExternalImage,
  tiffDeclaring,
} from "./hostile-fixtures";

/** Tight limits keep the file fast; production's are larger, the mechanism is the same. */
const LIMITS = { timeoutMs: 4_000 };
const SLACK_MS = 6_000; // sandbox start-up, LibreOffice start-up, a loaded machine

type Planted = { file: string; secret: string; mtimeMs: number; atimeMs: number };

/** A file with a unique secret whose access time is older than its change time, so any read moves it. */
function plant(file: string, label: string): Planted {
  const secret = `${label}-SECRET-${Math.random().toString(36).slice(2)}`;
  writeFileSync(file, `${secret}\n`);
  const now = Date.now() / 1000;
  utimesSync(file, now - 7200, now - 3600);
  const s = statSync(file);
  return { file, secret, mtimeMs: s.mtimeMs, atimeMs: s.atimeMs };
}

/** Times first: reading the file to compare its content moves its access time. */
function expectUntouched(p: Planted) {
  const s = statSync(p.file);
  expect({ mtime: s.mtimeMs, atime: s.atimeMs }, p.file).toEqual({ mtime: p.mtimeMs, atime: p.atimeMs });
  expect(readFileSync(p.file, "utf8"), p.file).toBe(`${p.secret}\n`);
}

let tmpPlantDir: string;
let tmpPlanted: Planted;
let dataPlanted: Planted;
let server: Server;
let requests: string[] = [];
let base: string;

beforeAll(async () => {
  tmpPlantDir = mkdtempSync(path.join(tmpdir(), "faxport-planted-"));
  tmpPlanted = plant(path.join(tmpPlantDir, "other-org-original.txt"), "TMP");
  const dataDir = path.resolve(process.env.FAXPORT_DATA_DIR ?? ".data");
  dataPlanted = plant(path.join(dataDir, `planted-${process.pid}.txt`), "DATA");
  server = createServer((req, res) => {
    requests.push(`${req.method} ${req.url}`);
    res.writeHead(200, { "content-type": "image/png" }).end();
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});

afterAll(async () => {
  rmSync(tmpPlantDir, { recursive: true, force: true });
  rmSync(dataPlanted.file, { force: true });
  await new Promise((resolve) => server.close(resolve));
});

/** Converts one file written into its own job directory, timing it. */
async function convertBytes(name: string, bytes: Buffer, limits = LIMITS) {
  return withConversionDir(async (dir) => {
    const input = path.join(dir, `upload-${name}`);
    await writeFile(input, bytes);
    const started = performance.now();
    const result = await convertDocument(
      { inputPath: input, declaredName: name },
      { workDir: dir, quality: "fine", limits },
    );
    return { result, ms: performance.now() - started };
  });
}

function invalid(result: ConversionResult): string {
  if (!("invalid" in result)) throw new Error(`expected a refusal, got ${result.pages} page(s) of ${result.type}`);
  return result.invalid;
}

describe("PostScript wearing a PDF header (issue 16)", () => {
  it("is refused as a program, and even run by Ghostscript itself it sees nothing outside its job", async () => {
    await withConversionDir(async (otherJob) => {
      // Another organisation's document, decrypted in its own job directory at the same moment.
      const other = plant(path.join(otherJob, "original.pdf"), "OTHERJOB");
      const targets = [other.file, tmpPlanted.file, dataPlanted.file];
      const attack = postscriptWearingPdfHeader(targets);
      expect(attack.subarray(0, 1024).includes("%PDF-")).toBe(true);

      const { result } = await convertBytes("invoice.pdf", attack);
      expect(invalid(result)).toBe(
        "This file is PostScript, a program for printers, not a document; save or print it as a PDF and upload that.",
      );

      // Defence in depth: hand the same program straight to Ghostscript in the sandbox, with its own
      // file protection (-dSAFER) switched off.
      await withConversionDir(async (jobDir) => {
        const program = path.join(jobDir, "attack.ps");
        await writeFile(program, attack);
        const run = await runTool(
          "gs",
          ["-q", "-dNOPAUSE", "-dBATCH", "-dNOSAFER", "-sDEVICE=tiffg4", `-sOutputFile=${jobDir}/out.tif`, program],
          { jobDir, timeoutMs: 20_000 },
        );
        const stolen = (() => {
          try {
            return readFileSync(path.join(jobDir, "stolen.txt"), "utf8");
          } catch {
            return "";
          }
        })();
        // The program ran and could write in its own directory (it listed it)…
        expect(stolen).toContain("attack.ps");
        // …and found nothing of the others.
        const seen = `${stolen}\n${run.stdout}\n${run.stderr}`;
        for (const p of [other, tmpPlanted, dataPlanted]) {
          expect(seen).not.toContain(p.secret);
          expect(seen).not.toContain(path.basename(p.file));
        }
      });
      for (const p of [other, tmpPlanted, dataPlanted]) expectUntouched(p);
    });
  }, 40_000);
});

describe("documents that name images and links on other hosts", () => {
  it("ODT, DOCX, RTF and text that is really HTML never reach a web server on 127.0.0.1; HTML itself is refused", async () => {
    requests = [];
    const files: [string, Buffer][] = [
      ["invoice.odt", odtWithExternalImage(base)],
      ["invoice.docx", docxWithExternalImage(base)],
      ["invoice.rtf", rtfWithExternalImage(base)],
      ["invoice.txt", htmlWithExternalImage(base)],
    ];
    const results = await withConversionDir(async (dir) => {
      const inputs = [];
      for (const [name, bytes] of files) {
        const inputPath = path.join(dir, `upload-${name}`);
        await writeFile(inputPath, bytes);
        inputs.push({ inputPath, declaredName: name });
      }
      return convertDocuments(inputs, { workDir: dir, quality: "fine", limits: { timeoutMs: 20_000 } });
    });
    // The documents themselves are fine: they convert, without what they named elsewhere.
    for (const [i, result] of results.entries()) {
      expect(result, files[i]![0]).toMatchObject({ pages: expect.any(Number) });
    }
    const { result: html } = await convertBytes("invoice.html", htmlWithExternalImage(base));
    expect(invalid(html)).toBe("The file is a plain text but is named “invoice.html”; rename it to .txt.");
    expect(requests).toEqual([]);
  }, 60_000);
});

describe("page bombs", () => {
  it("a PDF of 5,000 tiny pages is refused before rendering; one whose page tree lies stops at the limit", async () => {
    const honest = await convertBytes("pages.pdf", manyPagesPdf(5_000));
    expect(invalid(honest.result)).toBe("The document has 5000 pages; the limit is 200.");
    const lying = await convertBytes("one-page.pdf", lyingPageCountPdf(1_000));
    expect(invalid(lying.result)).toBe("The document has more than 200 pages; the limit is 200.");
    expect(lying.ms).toBeLessThan(LIMITS.timeoutMs + SLACK_MS);
  }, 30_000);
});

describe("decompression bombs that lie about their size", () => {
  it("a DOCX whose zip directory understates what it inflates to ends as a plain refusal within its limit", async () => {
    const { result, ms } = await convertBytes("letter.docx", docxLyingAboutSize(300));
    expect(invalid(result)).toMatch(
      /^(The Word document \(DOCX\) is damaged and cannot be opened\.|The document took too long to convert\.)$/,
    );
    expect(ms).toBeLessThan(LIMITS.timeoutMs + SLACK_MS);
  }, 30_000);

  it("images declaring gigapixels are refused from their headers", async () => {
    const { result: tiff } = await convertBytes("scan.tiff", tiffDeclaring(100_000, 100_000));
    expect(invalid(tiff)).toBe("The image is 100000×100000 pixels; the limit is 100 megapixels.");
    const png = Buffer.alloc(33);
    Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 13]).copy(png);
    png.write("IHDR", 12, "latin1");
    png.writeUInt32BE(60_000, 16);
    png.writeUInt32BE(60_000, 20);
    png[24] = 16; // 16-bit samples: 21 GB decoded
    png[25] = 6;
    const { result: image } = await convertBytes("photo.png", png);
    expect(invalid(image)).toBe("The image is 60000×60000 pixels; the limit is 100 megapixels.");
  });

  it("a PDF whose Flate stream inflates to hundreds of MB of drawing stops at its limit", async () => {
    const { result, ms } = await convertBytes("flate.pdf", flateBombPdf(300));
    expect(invalid(result)).toBe("The document took too long to render as fax pages.");
    expect(ms).toBeLessThan(LIMITS.timeoutMs + SLACK_MS);
  }, 30_000);
});

describe("a PDF that never finishes drawing", () => {
  it("ends on its time limit with a plain message", async () => {
    const { result, ms } = await convertBytes("endless.pdf", endlessPdf());
    expect(invalid(result)).toBe("The document took too long to render as fax pages.");
    expect(ms).toBeLessThan(LIMITS.timeoutMs + SLACK_MS);
  }, 30_000);
});
