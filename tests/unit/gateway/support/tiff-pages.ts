/**
 * Test helpers for fax TIFFs: render pages with ghostscript, and decode pages into comparable
 * bitmaps with libtiff's tiffcp (uncompressed, MSB-first) plus a small IFD reader. Independent of
 * spandsp, so a test can check what the fax engine received against what we sent.
 */
import { execFileSync } from "node:child_process";
import { createHash } from "node:crypto";
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import type { FaxResolution } from "@/server/gateway/types";
import { RESOLUTION_DPI } from "@/server/gateway/types";

export function scratchDir(prefix = "faxport-gw-"): string {
  return mkdtempSync(path.join(tmpdir(), prefix));
}

/** A letter-size G4 TIFF, 1728 px wide, with `pages` pages of distinct text and a drawing. */
export function renderTestTiff(dir: string, resolution: FaxResolution, pages: number, label = "Faxport"): string {
  const dpi = RESOLUTION_DPI[resolution];
  const ps = path.join(dir, `doc-${resolution}-${pages}.ps`);
  const body = Array.from({ length: pages }, (_, i) => {
    const n = i + 1;
    return `/Helvetica findfont 28 scalefont setfont 72 ${700 - n * 20} moveto (${label} page ${n} of ${pages}) show
      2 setlinewidth 100 100 moveto ${150 + n * 60} ${400 - n * 30} lineto stroke
      /Times-Roman findfont 12 scalefont setfont 72 300 moveto (The quick brown fox ${n}) show showpage`;
  }).join("\n");
  writeFileSync(ps, `%!PS\n${body}\n`);
  const out = path.join(dir, `doc-${resolution}-${pages}.tif`);
  execFileSync("gs", [
    "-q",
    "-dNOPAUSE",
    "-dBATCH",
    "-dSAFER",
    "-sDEVICE=tiffg4",
    `-r${dpi.x}x${dpi.y}`,
    "-sPAPERSIZE=letter",
    "-dFIXEDMEDIA",
    `-sOutputFile=${out}`,
    ps,
  ]);
  return out;
}

export type DecodedPage = { width: number; length: number; yDpi: number; bitmapSha256: string; blackBits: number };

/** Every page of a bilevel TIFF, decoded and normalised to 1 = black. */
export function decodeTiffPages(file: string): DecodedPage[] {
  const rawDir = scratchDir("faxport-raw-");
  const raw = path.join(rawDir, "raw.tif");
  execFileSync("tiffcp", ["-c", "none", "-f", "msb2lsb", "-r", "100000", file, raw]);
  const buf = readFileSync(raw);
  rmSync(rawDir, { recursive: true, force: true }); // decoded pages: never left in the temp dir
  const le = buf.toString("latin1", 0, 2) === "II";
  const u16 = (o: number) => (le ? buf.readUInt16LE(o) : buf.readUInt16BE(o));
  const u32 = (o: number) => (le ? buf.readUInt32LE(o) : buf.readUInt32BE(o));
  const pages: DecodedPage[] = [];
  for (let ifd = u32(4); ifd !== 0; ) {
    const count = u16(ifd);
    const tags = new Map<number, number[]>();
    for (let i = 0; i < count; i++) {
      const e = ifd + 2 + i * 12;
      const tag = u16(e);
      const type = u16(e + 2);
      const n = u32(e + 4);
      const size = type === 3 ? 2 : type === 5 ? 8 : 4;
      const at = n * size <= 4 ? e + 8 : u32(e + 8);
      const values: number[] = [];
      if (type === 3 || type === 4) {
        for (let k = 0; k < n; k++) values.push(type === 3 ? u16(at + k * 2) : u32(at + k * 4));
      } else if (type === 5) {
        values.push(u32(at) / u32(at + 4));
      }
      tags.set(tag, values);
    }
    const width = tags.get(256)?.[0] ?? 0;
    const length = tags.get(257)?.[0] ?? 0;
    const minIsBlack = tags.get(262)?.[0] === 1;
    const offsets = tags.get(273) ?? [];
    const counts = tags.get(279) ?? [];
    const data = Buffer.concat(offsets.map((o, i) => buf.subarray(o, o + (counts[i] ?? 0))));
    if (minIsBlack) for (let i = 0; i < data.length; i++) data[i] = ~data[i]! & 0xff;
    let blackBits = 0;
    for (const byte of data) for (let b = byte; b; b &= b - 1) blackBits++;
    pages.push({
      width,
      length,
      yDpi: Math.round(tags.get(283)?.[0] ?? 0),
      bitmapSha256: createHash("sha256").update(data).digest("hex"),
      blackBits,
    });
    ifd = u32(ifd + 2 + count * 12);
  }
  return pages;
}
