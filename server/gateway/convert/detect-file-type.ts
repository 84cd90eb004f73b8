/**
 * What a file really is, from its bytes — never from its name or the browser's MIME type. Zip-based
 * formats are told apart by their entries (and checked for zip bombs here, before anything inflates
 * them); OLE2 formats by their stream names.
 *
 * A PDF must start with `%PDF-` (offset 0): Ghostscript decides between its PDF and PostScript
 * interpreters from the first bytes, so a file that opens with PostScript and carries `%PDF-` a little
 * later would run as a program. Anything Ghostscript would interpret as PostScript, EPS or a printer
 * job (PJL) is refused outright, text files included.
 */
import type { DocumentType } from "./file-types";
import { oleStreamNames } from "./inspect-ole";
import { inspectZip } from "./inspect-zip";

export type ZipLimits = { maxUnzippedBytes: number; maxZipEntries: number; maxCompressionRatio: number };
export type Detection = { type: DocumentType } | { invalid: string };

const OLE_MAGIC = Buffer.from([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1]);
const ODF_TYPES: Record<string, DocumentType> = {
  "application/vnd.oasis.opendocument.text": "odt",
  "application/vnd.oasis.opendocument.spreadsheet": "ods",
  "application/vnd.oasis.opendocument.presentation": "odp",
};

export function detectFileType(bytes: Buffer, limits: ZipLimits): Detection {
  if (bytes.length === 0) return { invalid: "The file is empty." };
  const head = bytes.subarray(0, 1024);
  const program = printerProgram(bytes);
  if (program) return { invalid: program };
  if (head.subarray(0, 5).toString("latin1") === "%PDF-") return { type: "pdf" };
  if (head.includes("%PDF-")) {
    // Readers tolerate junk before the header; Ghostscript would read that junk as PostScript.
    return { invalid: "The PDF has something else in front of its header; save it again as a PDF and upload that." };
  }
  if (startsWith(bytes, [0x49, 0x49, 0x2a, 0x00]) || startsWith(bytes, [0x4d, 0x4d, 0x00, 0x2a])) {
    return { type: "tiff" };
  }
  if (startsWith(bytes, [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a])) return { type: "png" };
  if (startsWith(bytes, [0xff, 0xd8, 0xff])) return { type: "jpeg" };
  if (head.subarray(0, 6).toString("latin1") === "GIF87a" || head.subarray(0, 6).toString("latin1") === "GIF89a") {
    return { type: "gif" };
  }
  if (startsWith(bytes, [0x50, 0x4b, 0x03, 0x04])) return detectZip(bytes, limits);
  if (bytes.subarray(0, 8).equals(OLE_MAGIC)) return detectOle(bytes);
  if (head.subarray(0, 5).toString("latin1") === "{\\rtf") return { type: "rtf" };
  if (looksLikeText(bytes.subarray(0, 64 * 1024))) return { type: "txt" };
  return {
    invalid: "This is not a document type we can fax (PDF, TIFF, Word, Excel, PowerPoint, RTF, text or images).",
  };
}

function detectZip(bytes: Buffer, limits: ZipLimits): Detection {
  const listing = inspectZip(bytes, limits.maxZipEntries);
  if ("problem" in listing) return { invalid: `The document cannot be opened: ${listing.problem}.` };
  const { entries } = listing;
  if (entries.some((e) => e.encrypted))
    return { invalid: "The document is password-protected; save an unprotected copy." };
  // Zip bomb: refuse on the declared sizes before LibreOffice inflates anything.
  const total = entries.reduce((sum, e) => sum + e.size, 0);
  if (total > limits.maxUnzippedBytes) {
    return { invalid: `The document unpacks to ${mb(total)} (the limit is ${mb(limits.maxUnzippedBytes)}).` };
  }
  const bomb = entries.find((e) => e.size > 1024 * 1024 && e.size > e.compressedSize * limits.maxCompressionRatio);
  if (bomb) return { invalid: "The document is compressed suspiciously far (a “zip bomb”); it was not opened." };
  const odf = listing.odfMimeType && ODF_TYPES[listing.odfMimeType];
  if (odf) return { type: odf };
  const names = new Set(entries.map((e) => e.name));
  if (names.has("[Content_Types].xml")) {
    if (names.has("word/document.xml")) return { type: "docx" };
    if (names.has("xl/workbook.xml")) return { type: "xlsx" };
    if (names.has("ppt/presentation.xml")) return { type: "pptx" };
  }
  return { invalid: "This is a zip archive, not a document; upload the document itself." };
}

function detectOle(bytes: Buffer): Detection {
  const names = oleStreamNames(bytes);
  if (!names) return { invalid: "The document cannot be opened: it is damaged." };
  const has = (n: string) => names.includes(n);
  if (has("EncryptedPackage") || has("EncryptionInfo")) {
    return { invalid: "The document is password-protected; save an unprotected copy." };
  }
  if (has("WordDocument")) return { type: "doc" };
  if (has("Workbook") || has("Book")) return { type: "xls" };
  if (has("PowerPoint Document")) return { type: "ppt" };
  if (has("VisioDocument")) return { type: "vsd" };
  return { invalid: "This Office file is not a Word, Excel, PowerPoint or Visio document." };
}

const PROGRAM_REFUSAL = (what: string) =>
  `This file is ${what}, a program for printers, not a document; save or print it as a PDF and upload that.`;

/**
 * PostScript (`%!`, also after a ^D or a UTF-8 byte-order mark), EPS with its binary preview header,
 * and PJL printer jobs (`ESC%-12345X`): what Ghostscript or a printer would execute.
 */
function printerProgram(bytes: Buffer): string | null {
  let start = 0;
  if (startsWith(bytes, [0xef, 0xbb, 0xbf])) start = 3; // UTF-8 byte-order mark
  if (bytes[start] === 0x04) start++; // ^D, which PostScript printer jobs often start with
  const head = bytes.subarray(start, start + 16).toString("latin1");
  if (head.startsWith("%!")) return PROGRAM_REFUSAL("PostScript");
  if (startsWith(bytes, [0xc5, 0xd0, 0xd3, 0xc6])) return PROGRAM_REFUSAL("Encapsulated PostScript (EPS)");
  if (head.startsWith("\x1b%-12345X")) return PROGRAM_REFUSAL("a printer job (PJL)");
  return null;
}

/** Plain text: no NUL bytes, few control characters, and valid UTF-8 or a single-byte encoding. */
function looksLikeText(sample: Buffer): boolean {
  let control = 0;
  for (const b of sample) {
    if (b === 0) return false;
    if (b < 0x20 && b !== 0x09 && b !== 0x0a && b !== 0x0d && b !== 0x0c && b !== 0x1a) control++;
  }
  return control <= sample.length / 100;
}

function startsWith(bytes: Buffer, magic: number[]) {
  return magic.every((b, i) => bytes[i] === b);
}

function mb(bytes: number) {
  return `${(bytes / (1024 * 1024)).toFixed(bytes < 10 * 1024 * 1024 ? 1 : 0)} MB`;
}
