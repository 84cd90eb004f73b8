/**
 * kill -9 of the gateway while a document's plaintext is on disk — once mid-conversion, once mid-call —
 * then a restart, which sweeps the scratch root as `npm start` does before any job runs. Afterwards no
 * decrypted byte of the document is anywhere: not in the system temp dir, not in the scratch root, not
 * in the data directory. The canaries cover the original (a text marker in the PDF) and the fax
 * rendering itself, which a text marker does not survive: exact bytes of the fax TIFF's first strip,
 * and a row of the decoded page bitmap (packed 1-bit, both polarities). Before the restart the same
 * scan must find them where the killed process left them, so the scan is known to see them.
 * The process is tests/durability/scratch-crash-runner.ts (no database: the gateway steps alone).
 */
import { type ChildProcess, execFileSync } from "node:child_process";
import { lstatSync, mkdirSync, readdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { encryptContent, newDocumentKey, pagesKey, sealGatewayGrant, toBase64 } from "@/lib/crypto";
import { convertDocument, withConversionDir } from "@/server/gateway/convert";
import { GatewayKeyRing } from "@/server/gateway/gateway-key-ring";
import { createLocalStorage } from "@/server/storage/local-storage";
import { writePdf } from "../integration/convert/hostile-fixtures";
import { secretForms } from "../support/canary";
import { killGroup, startDetached } from "./support/process-group";

const DATA_DIR = path.resolve(".data/scratch-crash");
const SCRATCH = path.join(DATA_DIR, "scratch");
const PAGES = 80;

let child: ChildProcess | undefined;

afterAll(() => {
  if (child?.pid) {
    try {
      killGroup(child);
    } catch {}
  }
  rmSync(DATA_DIR, { recursive: true, force: true });
});

/** A PDF with a unique marker on every page, text and drawing, content left uncompressed. */
function canaryPdf(marker: string): Buffer {
  const pages = Array.from({ length: PAGES }, (_, i) => i);
  const first = 4;
  return writePdf([
    "<< /Type /Catalog /Pages 2 0 R >>",
    `<< /Type /Pages /Count ${PAGES} /Kids [${pages.map((i) => `${first + i * 2} 0 R`).join(" ")}] >>`,
    "<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>",
    ...pages.flatMap((i) => {
      const content = `BT /F1 28 Tf 72 700 Td (${marker} page ${i + 1}) Tj ET 4 w 90 120 m ${160 + i * 5} ${420 - i * 3} l S`;
      return [
        `<< /Type /Page /Parent 2 0 R /MediaBox [0 0 612 792] /Resources << /Font << /F1 3 0 R >> >> /Contents ${first + i * 2 + 1} 0 R >>`,
        `<< /Length ${content.length} >>\nstream\n${content}\nendstream`,
      ];
    }),
  ]);
}

/** The first strip of a TIFF's first page (offsets and counts read from its first directory). */
function firstStrip(tiff: Buffer): Buffer {
  const le = tiff.toString("latin1", 0, 2) === "II";
  const u16 = (o: number) => (le ? tiff.readUInt16LE(o) : tiff.readUInt16BE(o));
  const u32 = (o: number) => (le ? tiff.readUInt32LE(o) : tiff.readUInt32BE(o));
  const ifd = u32(4);
  const tags = new Map<number, number>();
  for (let i = 0; i < u16(ifd); i++) {
    const e = ifd + 2 + i * 12;
    const type = u16(e + 2);
    const count = u32(e + 4);
    // The first value: inline when it fits, else at the offset given.
    const at = (type === 3 ? 2 : 4) * count > 4 ? u32(e + 8) : e + 8;
    tags.set(u16(e), type === 3 ? u16(at) : u32(at));
  }
  const offset = tags.get(273)!;
  return tiff.subarray(offset, offset + tags.get(279)!);
}

/** The row of an uncompressed 1-bit page (1728 px = 216 bytes) with the most going on: ink, not paper. */
function busiestRow(bitmap: Buffer): Buffer {
  const rowBytes = 1728 / 8;
  let best: Buffer = Buffer.alloc(0);
  let bestDistinct = 0;
  for (let at = 0; at + rowBytes <= bitmap.length; at += rowBytes) {
    const row = bitmap.subarray(at, at + rowBytes);
    const distinct = new Set(row).size;
    if (distinct > bestDistinct) [best, bestDistinct] = [row, distinct];
  }
  if (bestDistinct < 8) throw new Error("the page has no ink");
  return Buffer.from(best);
}

/** A window of the strip's bytes with plenty going on (not blank paper), as a canary. */
function busyWindow(bytes: Buffer, size: number): Buffer {
  for (let at = Math.floor(bytes.length / 3); at + size <= bytes.length; at += size) {
    const window = bytes.subarray(at, at + size);
    if (new Set(window).size >= size / 3) return Buffer.from(window);
  }
  throw new Error("no busy window found");
}

/** Every regular file under `dir` (symlinks, sockets and fifos are not followed or read). */
function regularFiles(dir: string): string[] {
  let entries: string[];
  try {
    entries = readdirSync(dir);
  } catch {
    return [];
  }
  return entries.flatMap((entry) => {
    const p = path.join(dir, entry);
    try {
      const s = lstatSync(p);
      if (s.isDirectory()) return regularFiles(p);
      return s.isFile() && s.size < 256 * 1024 * 1024 ? [p] : [];
    } catch {
      return [];
    }
  });
}

function scan(dirs: string[], needles: Map<string, Buffer[]>): string[] {
  const found: string[] = [];
  for (const file of dirs.flatMap(regularFiles)) {
    let bytes: Buffer;
    try {
      bytes = readFileSync(file);
    } catch {
      continue;
    }
    for (const [what, forms] of needles) {
      if (forms.some((n) => bytes.includes(n))) found.push(`${what} in ${file}`);
    }
  }
  return found;
}

function start(mode: "convert" | "call" | "restart", input: string) {
  return startDetached({
    script: "tests/durability/scratch-crash-runner.ts",
    env: { FAXPORT_DATA_DIR: DATA_DIR, SCRATCH_CRASH_MODE: mode, SCRATCH_CRASH_INPUT: input },
    ready: mode === "restart" ? "ready\n" : "working\n",
    timeoutMs: 60_000,
    what: `the ${mode} runner`,
  });
}

async function waitFor(what: string, done: () => boolean, timeoutMs: number) {
  const deadline = Date.now() + timeoutMs;
  while (!done()) {
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 10));
  }
}

describe("kill -9 while a document's plaintext is on disk", () => {
  it("after a restart nothing decrypted is left: not the original, not the fax strips, not the page bitmap", async () => {
    const startedAt = Date.now();
    rmSync(DATA_DIR, { recursive: true, force: true });
    mkdirSync(DATA_DIR, { recursive: true });
    const marker = `CANARY-${Math.random().toString(36).slice(2, 12).toUpperCase()}`;
    const pdf = canaryPdf(marker);

    // The reference rendering, by the same converter, to know the fax's exact bytes and pixels.
    const { tiff, bitmapRow } = await withConversionDir(async (dir) => {
      const input = path.join(dir, "doc.pdf");
      writeFileSync(input, pdf);
      const result = await convertDocument(
        { inputPath: input, declaredName: "doc.pdf" },
        { workDir: dir, quality: "fine" },
      );
      if ("invalid" in result) throw new Error(result.invalid);
      const raw = path.join(dir, "page1-raw.tif");
      execFileSync("tiffcp", ["-c", "none", `${result.tiffPath},0`, raw]);
      return { tiff: readFileSync(result.tiffPath), bitmapRow: busiestRow(firstStrip(readFileSync(raw))) };
    });
    const stripBytes = busyWindow(firstStrip(tiff), 64);
    const inverted = Buffer.from(bitmapRow.map((b) => 255 - b));
    const needles = new Map<string, Buffer[]>([
      ["the original's text marker", secretForms(marker)],
      ["the fax TIFF's strip bytes", [stripBytes]],
      ["the decoded page bitmap", [bitmapRow, inverted]],
    ]);

    // What the browser and the conversion stored: the original under K, the fax pages under P, and
    // grants for the gateway's current key (in the runner's key directory, FAXPORT_DATA_DIR/gateway-keys).
    const gateway = await new GatewayKeyRing({ dir: path.join(DATA_DIR, "gateway-keys") }).current();
    const key = await newDocumentKey();
    const storage = createLocalStorage(path.join(DATA_DIR, "objects"));
    await storage.put("documents/crash/original", encryptContent(key, [pdf]));
    await storage.put("documents/crash/original.fax-fine.tif", encryptContent(await pagesKey(key), [tiff]));
    const input = path.join(DATA_DIR, "input.json");
    writeFileSync(
      input,
      JSON.stringify({
        convertGrant: await toBase64(await sealGatewayGrant(key, "convert", gateway)),
        sendGrant: await toBase64(await sealGatewayGrant(key, "send", gateway)),
        originalPath: "documents/crash/original",
        faxTiffPath: "documents/crash/original.fax-fine.tif",
      }),
    );
    const everywhere = [tmpdir(), SCRATCH, DATA_DIR];

    // 1. Mid-conversion: the original is decrypted and Ghostscript is writing the fax pages.
    const convertAt = Date.now();
    child = await start("convert", input);
    const rendering = () =>
      everywhere
        .flatMap(regularFiles)
        .some((f) => f.endsWith("fax.tiff") && lstatSync(f).size > 8192 && lstatSync(f).mtimeMs >= convertAt);
    await waitFor("the fax rendering to start", rendering, 30_000);
    killGroup(child);
    const leftByConversion = scan(everywhere, needles);
    expect(leftByConversion.some((f) => f.startsWith("the original's text marker"))).toBe(true);
    expect(leftByConversion.some((f) => f.startsWith("the fax TIFF's strip bytes"))).toBe(true);

    // 2. Mid-call: the fax pages are decrypted for the call and the far end has received some.
    child = await start("call", input);
    killGroup(child);
    const leftByCall = scan(everywhere, new Map([["the fax TIFF's strip bytes", [stripBytes]]]));
    expect(leftByCall.length).toBeGreaterThan(0);

    // 3. Restart: the sweep runs before any job could; then nothing is found anywhere.
    child = await start("restart", input);
    const found = scan(everywhere, needles);
    console.log(
      `left by the kills: ${leftByConversion.length + leftByCall.length} canary hit(s); after the restart: ${found.length}; ` +
        `${((Date.now() - startedAt) / 1000).toFixed(1)} s`,
    );
    expect(found).toEqual([]);
  }, 120_000);
});
