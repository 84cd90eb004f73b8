/**
 * A one-page PDF of text lines and, optionally, one greyscale or colour JPEG, written directly so no
 * PDF library is involved — in the browser (cover pages) and on the server (transmission reports)
 * alike. Text uses the standard Helvetica fonts (no embedding), so a text extractor reads it back;
 * characters outside Latin-1 are replaced.
 */

export type TextLine = {
  text: string;
  bold?: boolean;
  size?: number;
  /** Extra space above the line, in points (a gap between sections). */
  gapBefore?: number;
};
export type PageImage = { jpeg: Uint8Array; width: number; height: number; gray: boolean };
export type PageSize = { width: number; height: number };

export const A4: PageSize = { width: 595, height: 842 };
export const LETTER: PageSize = { width: 612, height: 792 };
const MARGIN = 56;

/** Latin-1 only, with the typographic characters our texts use made plain. */
function pdfText(text: string): string {
  const plain = text
    .replace(/[‘’]/g, "'")
    .replace(/[“”]/g, '"')
    .replace(/[–—]/g, "-")
    .replace(/…/g, "...")
    .replace(/[^\x20-\x7e\xa0-\xff]/g, "?");
  return plain.replace(/[\\()]/g, (c) => `\\${c}`);
}

/** PDF strings here are single bytes (WinAnsi ≈ Latin-1), so encode as Latin-1, not UTF-8. */
function latin1(text: string): Uint8Array {
  const out = new Uint8Array(text.length);
  for (let i = 0; i < text.length; i++) out[i] = text.charCodeAt(i) & 0xff;
  return out;
}

export function writeTextPagePdf(opts: {
  lines: TextLine[];
  image?: { image: PageImage | null; caption: string };
  page?: PageSize;
}): Uint8Array {
  const { width: PAGE_W, height: PAGE_H } = opts.page ?? A4;
  let content = "";
  let y = PAGE_H - MARGIN;
  for (const line of opts.lines) {
    const size = line.size ?? 11;
    y -= line.gapBefore ?? 0;
    for (const piece of wrap(line.text, Math.floor((PAGE_W - 2 * MARGIN) / (size * 0.55)))) {
      y -= size + 5;
      content += `BT /${line.bold ? "F2" : "F1"} ${size} Tf ${MARGIN} ${y} Td (${pdfText(piece)}) Tj ET\n`;
    }
  }
  const image = opts.image?.image ?? null;
  if (opts.image) {
    y -= 24;
    content += `BT /F2 11 Tf ${MARGIN} ${y} Td (${pdfText(opts.image.caption)}) Tj ET\n`;
  }
  if (image) {
    // Fit the reduced page into what is left of the sheet, keeping its proportions.
    const maxW = PAGE_W - 2 * MARGIN;
    const maxH = y - MARGIN - 10;
    const scale = Math.min(maxW / image.width, maxH / image.height);
    const w = Math.round(image.width * scale);
    const h = Math.round(image.height * scale);
    const top = y - 10;
    // The page first, then a thin frame over its edges (white margins would otherwise vanish).
    content += `q ${w} 0 0 ${h} ${MARGIN} ${top - h} cm /Im1 Do Q\n`;
    content += `q 0.5 w ${MARGIN} ${top - h} ${w} ${h} re S Q\n`;
  }

  const objects: Uint8Array[] = [];
  const add = (...parts: (string | Uint8Array)[]) => {
    objects.push(concat(parts.map((p) => (typeof p === "string" ? latin1(p) : p))));
    return objects.length;
  };
  const contentBytes = latin1(content);
  add("<< /Type /Catalog /Pages 2 0 R >>");
  add("<< /Type /Pages /Kids [3 0 R] /Count 1 >>");
  const xobject = image ? " /XObject << /Im1 7 0 R >>" : "";
  add(
    `<< /Type /Page /Parent 2 0 R /MediaBox [0 0 ${PAGE_W} ${PAGE_H}] /Contents 4 0 R ` +
      `/Resources << /Font << /F1 5 0 R /F2 6 0 R >>${xobject} >> >>`,
  );
  add(`<< /Length ${contentBytes.length} >>\nstream\n`, contentBytes, "\nendstream");
  add("<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica /Encoding /WinAnsiEncoding >>");
  add("<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica-Bold /Encoding /WinAnsiEncoding >>");
  if (image) {
    add(
      `<< /Type /XObject /Subtype /Image /Width ${image.width} /Height ${image.height} ` +
        `/ColorSpace /${image.gray ? "DeviceGray" : "DeviceRGB"} /BitsPerComponent 8 /Filter /DCTDecode ` +
        `/Length ${image.jpeg.length} >>\nstream\n`,
      image.jpeg,
      "\nendstream",
    );
  }

  const parts: Uint8Array[] = [latin1("%PDF-1.4\n%\xe2\xe3\xcf\xd3\n")];
  let offset = parts[0]!.length;
  const offsets: number[] = [];
  objects.forEach((body, i) => {
    offsets.push(offset);
    const piece = concat([latin1(`${i + 1} 0 obj\n`), body, latin1("\nendobj\n")]);
    parts.push(piece);
    offset += piece.length;
  });
  let xref = `xref\n0 ${objects.length + 1}\n0000000000 65535 f \n`;
  for (const at of offsets) xref += `${String(at).padStart(10, "0")} 00000 n \n`;
  xref += `trailer\n<< /Size ${objects.length + 1} /Root 1 0 R >>\nstartxref\n${offset}\n%%EOF\n`;
  parts.push(latin1(xref));
  return concat(parts);
}

/** Breaks a line at spaces so no piece is longer than `width` characters (a long word stays whole). */
function wrap(text: string, width: number): string[] {
  const out: string[] = [];
  let line = "";
  for (const word of text.split(" ")) {
    if (line && line.length + 1 + word.length > width) {
      out.push(line);
      line = word;
    } else line = line ? `${line} ${word}` : word;
  }
  out.push(line);
  return out;
}

function concat(parts: Uint8Array[]): Uint8Array {
  const out = new Uint8Array(parts.reduce((n, p) => n + p.length, 0));
  let at = 0;
  for (const p of parts) {
    out.set(p, at);
    at += p.length;
  }
  return out;
}
