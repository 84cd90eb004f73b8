/**
 * Lists the stream names inside an OLE2 compound file (DOC, XLS, PPT, VSD — and password-protected
 * DOCX/XLSX, which Office wraps in one). The names tell the formats apart; no content is read.
 */
const MAX_SECTORS_FOLLOWED = 100_000; // a hostile file's sector chain may loop
const END_OF_CHAIN = 0xfffffffe;

export function oleStreamNames(bytes: Buffer): string[] | null {
  if (bytes.length < 512) return null;
  const shift = bytes.readUInt16LE(0x1e);
  if (shift !== 9 && shift !== 12) return null;
  const sectorSize = 1 << shift;
  const sectorOffset = (n: number) => (n + 1) * sectorSize;
  const inFile = (n: number) => n < 0xfffffffa && sectorOffset(n) + sectorSize <= bytes.length;

  // FAT sector numbers: 109 in the header, the rest in a chain of DIFAT sectors.
  const fatSectors: number[] = [];
  for (let i = 0; i < 109; i++) fatSectors.push(bytes.readUInt32LE(0x4c + i * 4));
  let difat = bytes.readUInt32LE(0x44);
  const seenDifat = new Set<number>();
  for (let hops = 0; inFile(difat) && !seenDifat.has(difat) && hops < MAX_SECTORS_FOLLOWED; hops++) {
    seenDifat.add(difat);
    const base = sectorOffset(difat);
    for (let i = 0; i < sectorSize / 4 - 1; i++) fatSectors.push(bytes.readUInt32LE(base + i * 4));
    difat = bytes.readUInt32LE(base + sectorSize - 4);
  }
  const fat = (n: number): number => {
    const perSector = sectorSize / 4;
    const fatSector = fatSectors[Math.floor(n / perSector)];
    if (fatSector === undefined || !inFile(fatSector)) return END_OF_CHAIN;
    return bytes.readUInt32LE(sectorOffset(fatSector) + (n % perSector) * 4);
  };

  const names: string[] = [];
  let sector = bytes.readUInt32LE(0x30);
  const seen = new Set<number>(); // a hostile chain may loop back on itself
  for (let hops = 0; inFile(sector) && !seen.has(sector) && hops < MAX_SECTORS_FOLLOWED; hops++) {
    seen.add(sector);
    const base = sectorOffset(sector);
    for (let e = 0; e < sectorSize / 128; e++) {
      const entry = base + e * 128;
      const nameBytes = bytes.readUInt16LE(entry + 64);
      const kind = bytes[entry + 66];
      if (kind === 0 || nameBytes < 2 || nameBytes > 64) continue;
      names.push(bytes.toString("utf16le", entry, entry + nameBytes - 2));
    }
    sector = fat(sector);
  }
  return names;
}
