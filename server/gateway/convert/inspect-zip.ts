/**
 * Reads a zip's central directory without unpacking anything: entry names, declared sizes, encryption
 * flags, and the small stored `mimetype` entry of OpenDocument files. Enough to tell DOCX from XLSX from
 * ODT and to refuse a zip bomb before LibreOffice inflates it.
 */
export type ZipEntry = { name: string; compressedSize: number; size: number; encrypted: boolean };
export type ZipListing = { entries: ZipEntry[]; odfMimeType?: string } | { problem: string };

const EOCD_SIG = 0x06054b50;
const CDH_SIG = 0x02014b50;
const LFH_SIG = 0x04034b50;
const ZIP64 = "it uses a zip layout (ZIP64) too large for a fax document";

export function inspectZip(bytes: Buffer, maxEntries: number): ZipListing {
  const eocd = findEndOfCentralDirectory(bytes);
  if (eocd < 0) return { problem: "it is damaged (the zip directory is missing)" };
  const count = bytes.readUInt16LE(eocd + 10);
  const cdSize = bytes.readUInt32LE(eocd + 12);
  const cdOffset = bytes.readUInt32LE(eocd + 16);
  if (count === 0xffff || cdSize === 0xffffffff || cdOffset === 0xffffffff) return { problem: ZIP64 };
  if (count > maxEntries) return { problem: `it holds ${count} parts (the limit is ${maxEntries})` };
  if (cdOffset + cdSize > bytes.length) return { problem: "it is damaged (the zip directory points past the end)" };
  const entries: ZipEntry[] = [];
  let mimetype: { offset: number; size: number } | undefined;
  let p = cdOffset;
  for (let i = 0; i < count; i++) {
    if (p + 46 > bytes.length || bytes.readUInt32LE(p) !== CDH_SIG) {
      return { problem: "it is damaged (the zip directory is unreadable)" };
    }
    const flags = bytes.readUInt16LE(p + 8);
    const method = bytes.readUInt16LE(p + 10);
    const compressedSize = bytes.readUInt32LE(p + 20);
    const size = bytes.readUInt32LE(p + 24);
    const nameLength = bytes.readUInt16LE(p + 28);
    const extraLength = bytes.readUInt16LE(p + 30);
    const commentLength = bytes.readUInt16LE(p + 32);
    const localOffset = bytes.readUInt32LE(p + 42);
    if (compressedSize === 0xffffffff || size === 0xffffffff || localOffset === 0xffffffff) return { problem: ZIP64 };
    const name = bytes.toString("utf8", p + 46, p + 46 + nameLength);
    entries.push({ name, compressedSize, size, encrypted: (flags & 1) === 1 });
    if (name === "mimetype" && method === 0 && size <= 200) mimetype = { offset: localOffset, size };
    p += 46 + nameLength + extraLength + commentLength;
  }
  const odfMimeType = mimetype && readStoredEntry(bytes, mimetype.offset, mimetype.size);
  return odfMimeType ? { entries, odfMimeType } : { entries };
}

function readStoredEntry(bytes: Buffer, offset: number, size: number): string | undefined {
  if (offset + 30 > bytes.length || bytes.readUInt32LE(offset) !== LFH_SIG) return undefined;
  const start = offset + 30 + bytes.readUInt16LE(offset + 26) + bytes.readUInt16LE(offset + 28);
  if (start + size > bytes.length) return undefined;
  return bytes.toString("ascii", start, start + size).trim();
}

function findEndOfCentralDirectory(bytes: Buffer): number {
  const stop = Math.max(0, bytes.length - 22 - 0xffff); // the archive comment is at most 64 KiB
  for (let p = bytes.length - 22; p >= stop; p--) {
    if (bytes.readUInt32LE(p) === EOCD_SIG) return p;
  }
  return -1;
}
