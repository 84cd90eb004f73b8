/**
 * The transmission report as a one-page PDF, written here rather than by a library: a title, the
 * facts as label/value lines, the result with its explanation, and a reduced image of the first page
 * (8-bit grey, Flate-compressed). It runs where the first page's plaintext already is — the sender's
 * browser — so the server never sees the image. Text uses the standard Helvetica fonts (nothing
 * embedded) in WinAnsi; characters outside Latin-1 print as "?".
 */

export type GreyImage = { width: number; height: number; pixels: Uint8Array };

export type TransmissionReport = {
  title: string;
  /** Label and value, in order (date and time, sender, caller ID, destination, …). */
  facts: [string, string][];
  result: string;
  explanation: string;
  /** The first page, reduced; null with `imageNote` saying why there is none. */
  firstPage: GreyImage | null;
  imageNote?: string;
  footer?: string;
};

const PAGE = { width: 612, height: 792, margin: 54 };

export async function transmissionReportPdf(report: TransmissionReport): Promise<Uint8Array> {
  const content: string[] = [];
  let y = PAGE.height - PAGE.margin;
  const text = (font: "F1" | "F2", size: number, x: number, line: string) =>
    content.push(`BT /${font} ${size} Tf ${x} ${y.toFixed(1)} Td (${pdfString(line)}) Tj ET`);

  text("F2", 18, PAGE.margin, report.title);
  y -= 30;
  for (const [label, value] of report.facts) {
    text("F2", 10, PAGE.margin, label);
    for (const [i, part] of wrap(value, 60).entries()) {
      if (i) y -= 13;
      text("F1", 10, PAGE.margin + 150, part);
    }
    y -= 16;
  }
  y -= 6;
  text("F2", 12, PAGE.margin, `Result: ${report.result}`);
  y -= 16;
  for (const line of wrap(report.explanation, 90)) {
    text("F1", 10, PAGE.margin, line);
    y -= 13;
  }
  y -= 14;

  let image: { object: string; stream: Uint8Array } | null = null;
  if (report.firstPage) {
    const { width, height } = report.firstPage;
    // Fit the reduced page in what is left of the sheet, keeping its proportions.
    const boxWidth = 220;
    const boxHeight = Math.max(120, y - PAGE.margin - 20);
    const scale = Math.min(boxWidth / width, boxHeight / height);
    const [w, h] = [width * scale, height * scale];
    text("F2", 10, PAGE.margin, "First page as faxed (reduced)");
    y -= 8 + h;
    content.push(`q ${w.toFixed(1)} 0 0 ${h.toFixed(1)} ${PAGE.margin} ${y.toFixed(1)} cm /Im1 Do Q`);
    content.push(`q 0.5 w ${PAGE.margin} ${y.toFixed(1)} ${w.toFixed(1)} ${h.toFixed(1)} re S Q`);
    const stream = await deflate(report.firstPage.pixels);
    image = {
      object: `<< /Type /XObject /Subtype /Image /Width ${width} /Height ${height} /ColorSpace /DeviceGray /BitsPerComponent 8 /Filter /FlateDecode /Length ${stream.length} >>`,
      stream,
    };
  } else if (report.imageNote) {
    text("F1", 10, PAGE.margin, report.imageNote);
  }
  if (report.footer) {
    y = PAGE.margin - 20;
    text("F1", 8, PAGE.margin, report.footer);
  }

  const contentBytes = latin1(content.join("\n"));
  const objects: (string | { dict: string; stream: Uint8Array })[] = [
    "<< /Type /Catalog /Pages 2 0 R >>",
    "<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
    `<< /Type /Page /Parent 2 0 R /MediaBox [0 0 ${PAGE.width} ${PAGE.height}] /Contents 4 0 R /Resources << /Font << /F1 5 0 R /F2 6 0 R >>${image ? " /XObject << /Im1 7 0 R >>" : ""} >> >>`,
    { dict: `<< /Length ${contentBytes.length} >>`, stream: contentBytes },
    "<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica /Encoding /WinAnsiEncoding >>",
    "<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica-Bold /Encoding /WinAnsiEncoding >>",
    ...(image ? [{ dict: image.object, stream: image.stream }] : []),
  ];
  return assemble(objects);
}

/** Objects numbered from 1, the cross-reference table with each one's byte offset, the trailer. */
function assemble(objects: (string | { dict: string; stream: Uint8Array })[]): Uint8Array {
  const parts: Uint8Array[] = [latin1("%PDF-1.4\n%\xe2\xe3\xcf\xd3\n")];
  let length = parts[0]!.length;
  const offsets: number[] = [];
  const push = (bytes: Uint8Array) => {
    parts.push(bytes);
    length += bytes.length;
  };
  objects.forEach((object, i) => {
    offsets.push(length);
    if (typeof object === "string") push(latin1(`${i + 1} 0 obj\n${object}\nendobj\n`));
    else {
      push(latin1(`${i + 1} 0 obj\n${object.dict}\nstream\n`));
      push(object.stream);
      push(latin1("\nendstream\nendobj\n"));
    }
  });
  const xref = length;
  const rows = offsets.map((o) => `${String(o).padStart(10, "0")} 00000 n \n`).join("");
  push(
    latin1(
      `xref\n0 ${objects.length + 1}\n0000000000 65535 f \n${rows}trailer\n<< /Size ${objects.length + 1} /Root 1 0 R >>\nstartxref\n${xref}\n%%EOF\n`,
    ),
  );
  const out = new Uint8Array(length);
  let at = 0;
  for (const part of parts) {
    out.set(part, at);
    at += part.length;
  }
  return out;
}

/** A PDF literal string: Latin-1 only, with its three special characters escaped. */
function pdfString(value: string): string {
  return [...value]
    .map((ch) => {
      const code = ch.codePointAt(0)!;
      if (ch === "\\" || ch === "(" || ch === ")") return `\\${ch}`;
      if (code < 0x20) return " ";
      return code <= 0xff ? ch : "?";
    })
    .join("");
}

function latin1(value: string): Uint8Array {
  const out = new Uint8Array(value.length);
  for (let i = 0; i < value.length; i++) out[i] = value.charCodeAt(i) & 0xff;
  return out;
}

/** Words onto lines of at most `width` characters (Helvetica 10 pt fits about 90 on the sheet). */
function wrap(value: string, width: number): string[] {
  const lines: string[] = [];
  let line = "";
  for (const word of value.split(/\s+/).filter(Boolean)) {
    if (line && line.length + 1 + word.length > width) {
      lines.push(line);
      line = "";
    }
    line = line ? `${line} ${word}` : word;
  }
  return line ? [...lines, line] : lines.length ? lines : [""];
}

/** zlib-wrapped deflate (what /FlateDecode reads), in the browser and in Node alike. */
async function deflate(bytes: Uint8Array): Promise<Uint8Array> {
  const stream = new Blob([bytes as Uint8Array<ArrayBuffer>]).stream().pipeThrough(new CompressionStream("deflate"));
  return new Uint8Array(await new Response(stream).arrayBuffer());
}
