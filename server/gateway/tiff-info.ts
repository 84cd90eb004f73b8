/**
 * Reads just enough of a TIFF to know what a fax stack will make of it: page count, width and
 * vertical resolution of each page. Used where no fax engine runs (timing model), to fill in a
 * result's total page count, and (countTiffPages) to count the pages a conversion really rendered.
 */
import { open } from "node:fs/promises";

export type TiffPageInfo = { width: number; length: number; yDpi: number };

export type TiffInfo = { ok: true; pages: TiffPageInfo[] } | { ok: false; reason: "missing" | "not-a-tiff" };

const MAX_PAGES = 1000;

type TiffReader = {
  read: (offset: number, length: number) => Promise<Buffer>;
  u16: (b: Buffer, o: number) => number;
  u32: (b: Buffer, o: number) => number;
  firstIfd: number;
};

/**
 * Opens a TIFF and checks its header, then runs `use` with bounded reads in its byte order. `missing`
 * when the file does not exist; `not-a-tiff` for a wrong header or any read outside the file.
 */
async function withTiff<T>(file: string, use: (tiff: TiffReader) => Promise<T>): Promise<T | "missing" | "not-a-tiff"> {
  let handle: Awaited<ReturnType<typeof open>>;
  try {
    handle = await open(file, "r");
  } catch {
    return "missing";
  }
  try {
    const { size } = await handle.stat();
    const read = async (offset: number, length: number) => {
      if (offset < 0 || offset + length > size) throw new RangeError("outside the file");
      const buf = Buffer.alloc(length);
      await handle.read(buf, 0, length, offset);
      return buf;
    };
    const header = await read(0, 8);
    const order = header.toString("latin1", 0, 2);
    if (order !== "II" && order !== "MM") return "not-a-tiff";
    const le = order === "II";
    const u16 = (b: Buffer, o: number) => (le ? b.readUInt16LE(o) : b.readUInt16BE(o));
    const u32 = (b: Buffer, o: number) => (le ? b.readUInt32LE(o) : b.readUInt32BE(o));
    if (u16(header, 2) !== 42) return "not-a-tiff";
    return await use({ read, u16, u32, firstIfd: u32(header, 4) });
  } catch {
    return "not-a-tiff";
  } finally {
    await handle.close();
  }
}

export async function readTiffInfo(file: string): Promise<TiffInfo> {
  const result = await withTiff(file, async ({ read, u16, u32, firstIfd }) => {
    const pages: TiffPageInfo[] = [];
    for (let ifd = firstIfd; ifd !== 0 && pages.length < MAX_PAGES; ) {
      const count = u16(await read(ifd, 2), 0);
      const entries = await read(ifd + 2, count * 12 + 4);
      const page: TiffPageInfo = { width: 0, length: 0, yDpi: 0 };
      let perCentimetre = false;
      for (let i = 0; i < count; i++) {
        const e = i * 12;
        const tag = u16(entries, e);
        const type = u16(entries, e + 2);
        const inline = type === 3 ? u16(entries, e + 8) : u32(entries, e + 8);
        if (tag === 256) page.width = inline;
        else if (tag === 257) page.length = inline;
        else if (tag === 296) perCentimetre = inline === 3;
        else if (tag === 283 && type === 5) {
          const rational = await read(u32(entries, e + 8), 8);
          page.yDpi = u32(rational, 0) / (u32(rational, 4) || 1);
        }
      }
      page.yDpi = Math.round(perCentimetre ? page.yDpi * 2.54 : page.yDpi);
      pages.push(page);
      ifd = u32(entries, count * 12);
    }
    return pages;
  });
  if (result === "missing" || result === "not-a-tiff") return { ok: false, reason: result };
  return result.length ? { ok: true, pages: result } : { ok: false, reason: "not-a-tiff" };
}

/**
 * How many pages (image directories) a TIFF holds, counting no further than `stopAt`: what a fax
 * stack will send, whatever the source document claimed. 0 when the file does not exist (nothing was
 * rendered), null when it is not a readable TIFF. A directory chain that loops counts as damaged.
 */
export async function countTiffPages(file: string, stopAt: number): Promise<number | null> {
  const result = await withTiff(file, async ({ read, u16, u32, firstIfd }) => {
    const seen = new Set<number>();
    let pages = 0;
    for (let ifd = firstIfd; ifd !== 0 && pages < stopAt; pages++) {
      if (seen.has(ifd)) return null;
      seen.add(ifd);
      const count = u16(await read(ifd, 2), 0);
      ifd = u32(await read(ifd + 2 + count * 12, 4), 0);
    }
    return pages;
  });
  if (result === "missing") return 0;
  return result === "not-a-tiff" ? null : result;
}
