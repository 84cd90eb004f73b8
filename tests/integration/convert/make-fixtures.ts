/**
 * Real documents of every accepted type, made fresh for the test run: OOXML/ODF written by hand (they are
 * small XML zips), DOC/XLS/PPT/PPTX written by LibreOffice (in parallel, one profile each), PDFs and images
 * by ghostscript and ImageMagick, an encrypted PDF by qpdf — plus the hostile files.
 */
import { execFile } from "node:child_process";
import { mkdir, writeFile } from "node:fs/promises";
import path from "node:path";
import { pathToFileURL } from "node:url";
import { promisify } from "node:util";
import { crc32, deflateSync } from "node:zlib";
import { writeZip } from "./zip-writer";

const run = promisify(execFile);

const XML = '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>';
const CT = "http://schemas.openxmlformats.org/package/2006/content-types";
const REL = "http://schemas.openxmlformats.org/package/2006/relationships";
const OFFICE_DOC = "http://schemas.openxmlformats.org/officeDocument/2006/relationships";
const ODF_NS =
  'xmlns:office="urn:oasis:names:tc:opendocument:xmlns:office:1.0" xmlns:text="urn:oasis:names:tc:opendocument:xmlns:text:1.0" xmlns:draw="urn:oasis:names:tc:opendocument:xmlns:drawing:1.0" xmlns:svg="urn:oasis:names:tc:opendocument:xmlns:svg-compatible:1.0" xmlns:presentation="urn:oasis:names:tc:opendocument:xmlns:presentation:1.0" office:version="1.2"';

export function docx(text: string) {
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
      name: "word/document.xml",
      data: `${XML}<w:document xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"><w:body><w:p><w:r><w:t>${text}</w:t></w:r></w:p></w:body></w:document>`,
    },
  ]);
}

function xlsx() {
  return writeZip([
    {
      name: "[Content_Types].xml",
      data: `${XML}<Types xmlns="${CT}"><Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/><Default Extension="xml" ContentType="application/xml"/><Override PartName="/xl/workbook.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"/><Override PartName="/xl/worksheets/sheet1.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml"/></Types>`,
    },
    {
      name: "_rels/.rels",
      data: `${XML}<Relationships xmlns="${REL}"><Relationship Id="rId1" Type="${OFFICE_DOC}/officeDocument" Target="xl/workbook.xml"/></Relationships>`,
    },
    {
      name: "xl/workbook.xml",
      data: `${XML}<workbook xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" xmlns:r="${OFFICE_DOC}"><sheets><sheet name="Invoices" sheetId="1" r:id="rId1"/></sheets></workbook>`,
    },
    {
      name: "xl/_rels/workbook.xml.rels",
      data: `${XML}<Relationships xmlns="${REL}"><Relationship Id="rId1" Type="${OFFICE_DOC}/worksheet" Target="worksheets/sheet1.xml"/></Relationships>`,
    },
    {
      name: "xl/worksheets/sheet1.xml",
      data: `${XML}<worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><sheetData><row r="1"><c r="A1" t="inlineStr"><is><t>Invoice</t></is></c><c r="B1"><v>42</v></c></row></sheetData></worksheet>`,
    },
  ]);
}

function odf(mediaType: string, body: string) {
  return writeZip([
    { name: "mimetype", data: mediaType, store: true },
    {
      name: "META-INF/manifest.xml",
      data: `${XML}<manifest:manifest xmlns:manifest="urn:oasis:names:tc:opendocument:xmlns:manifest:1.0" manifest:version="1.2"><manifest:file-entry manifest:full-path="/" manifest:media-type="${mediaType}"/><manifest:file-entry manifest:full-path="content.xml" manifest:media-type="text/xml"/></manifest:manifest>`,
    },
    {
      name: "content.xml",
      data: `${XML}<office:document-content ${ODF_NS}><office:body>${body}</office:body></office:document-content>`,
    },
  ]);
}

/** A structurally valid PDF with `pages` blank letter pages, written directly (instant even for 2,000). */
export function blankPdf(pages: number): Buffer {
  const objects = [
    "<< /Type /Catalog /Pages 2 0 R >>",
    `<< /Type /Pages /Count ${pages} /Kids [${Array.from({ length: pages }, (_, i) => `${i + 3} 0 R`).join(" ")}] >>`,
    ...Array.from({ length: pages }, () => "<< /Type /Page /Parent 2 0 R /MediaBox [0 0 612 792] >>"),
  ];
  let body = "%PDF-1.4\n";
  const offsets: number[] = [];
  objects.forEach((o, i) => {
    offsets.push(Buffer.byteLength(body));
    body += `${i + 1} 0 obj\n${o}\nendobj\n`;
  });
  const xref = Buffer.byteLength(body);
  body += `xref\n0 ${objects.length + 1}\n0000000000 65535 f \n`;
  for (const off of offsets) body += `${String(off).padStart(10, "0")} 00000 n \n`;
  body += `trailer\n<< /Size ${objects.length + 1} /Root 1 0 R >>\nstartxref\n${xref}\n%%EOF\n`;
  return Buffer.from(body, "latin1");
}

/** PostScript drawing `pages` pages of text, for ghostscript's pdfwrite. */
function textPostScript(pages: number) {
  return `%!PS
/Helvetica findfont 24 scalefont setfont
1 1 ${pages} { /n exch def 72 700 moveto (Faxport test page ) show n 3 string cvs show
  72 72 moveto 468 0 rlineto 0 600 rlineto -468 0 rlineto closepath stroke showpage } for
`;
}

async function soffice(dir: string, name: string, format: string, input: string) {
  const profile = pathToFileURL(path.join(dir, `profile-${name}`)).href;
  await run(
    "soffice",
    ["--headless", "--norestore", `-env:UserInstallation=${profile}`, "--convert-to", format, "--outdir", dir, input],
    {
      cwd: dir,
      timeout: 120_000,
    },
  );
}

export type Fixtures = Record<string, string>;

export async function makeFixtures(dir: string): Promise<Fixtures> {
  await mkdir(dir, { recursive: true });
  const f = (name: string) => path.join(dir, name);
  await writeFile(f("note.txt"), "Fax cover note\nPlease call back: +1 555 0100\nÄrzte & Söhne\n");
  await writeFile(
    f("letter.rtf"),
    "{\\rtf1\\ansi\\deff0{\\fonttbl{\\f0 Helvetica;}}\\f0\\fs24 Dear clinic,\\par Here are the results.\\par}",
  );
  await writeFile(f("letter.docx"), docx("Dear clinic, here are the results."));
  await writeFile(f("invoices.xlsx"), xlsx());
  await writeFile(
    f("minutes.odt"),
    odf(
      "application/vnd.oasis.opendocument.text",
      "<office:text><text:p>Minutes of the meeting</text:p></office:text>",
    ),
  );
  await writeFile(
    f("slides.odp"),
    odf(
      "application/vnd.oasis.opendocument.presentation",
      '<office:presentation><draw:page draw:name="p1"><draw:frame svg:x="2cm" svg:y="2cm" svg:width="20cm" svg:height="3cm"><draw:text-box><text:p>Quarterly results</text:p></draw:text-box></draw:frame></draw:page></office:presentation>',
    ),
  );
  await writeFile(f("sheet.csv"), "Invoice,Amount\n1001,42.50\n1002,13.00\n");
  await writeFile(f("report.ps"), textPostScript(3));

  // LibreOffice writes the legacy and PowerPoint formats; one profile each so the four can run at once.
  const office = Promise.all([
    soffice(dir, "doc", "doc", f("note.txt")).then(() => run("cp", [f("note.doc"), f("memo.doc")])),
    soffice(dir, "xls", "xls", f("sheet.csv")),
    soffice(dir, "pptx", "pptx", f("slides.odp")),
    soffice(dir, "ppt", "ppt", f("slides.odp")),
  ]);
  await run("gs", [
    "-q",
    "-dNOPAUSE",
    "-dBATCH",
    "-dSAFER",
    "-sDEVICE=pdfwrite",
    `-sOutputFile=${f("report.pdf")}`,
    f("report.ps"),
  ]);
  await run("gs", [
    "-q",
    "-dNOPAUSE",
    "-dBATCH",
    "-dSAFER",
    "-sDEVICE=tiffg4",
    "-r204x196",
    "-sPAPERSIZE=letter",
    "-dFIXEDMEDIA",
    "-dPDFFitPage",
    `-sOutputFile=${f("scan.tiff")}`,
    f("report.pdf"),
  ]);
  await run("convert", [
    "-size",
    "600x400",
    "xc:white",
    "-fill",
    "black",
    "-draw",
    "rectangle 50,50 300,200",
    "-write",
    f("photo.png"),
    "-write",
    f("photo.jpg"),
    f("photo.gif"),
  ]);
  await writeFile(f("flood.png"), floodPng(40_000, 40_000));
  // A 16-bit PNG, as scanners and screenshot tools often write (issue 17).
  await run("convert", ["-size", "600x400", "gradient:white-black", "-depth", "16", `png48:${f("deep.png")}`]);
  await run("qpdf", ["--encrypt", "user-pw", "owner-pw", "256", "--", f("report.pdf"), f("locked.pdf")]);
  await run("qpdf", ["--encrypt", "", "owner-pw", "256", "--modify=none", "--", f("report.pdf"), f("restricted.pdf")]);
  await writeFile(f("pages-2000.pdf"), blankPdf(2000));
  await writeFile(f("empty.pdf"), "");
  await writeFile(f("zero-pages.pdf"), blankPdf(0));
  // Zip bomb: 100 MB of zeros deflate to ~100 KB (1000:1); refused from the zip directory alone.
  await writeFile(
    f("bomb.docx"),
    writeZip([...zipDocxParts(), { name: "word/media/zeros.bin", data: Buffer.alloc(100 * 1024 * 1024) }]),
  );
  await writeFile(f("archive.zip"), writeZip([{ name: "readme.txt", data: "just a zip" }]));
  await writeFile(f("garbage.bin"), Buffer.from(Array.from({ length: 4096 }, (_, i) => (i * 7919) % 256)));
  await office;
  return Object.fromEntries(
    [
      "note.txt",
      "letter.rtf",
      "letter.docx",
      "invoices.xlsx",
      "minutes.odt",
      "slides.odp",
      "memo.doc",
      "sheet.xls",
      "slides.pptx",
      "slides.ppt",
      "report.pdf",
      "scan.tiff",
      "photo.png",
      "photo.jpg",
      "photo.gif",
      "locked.pdf",
      "restricted.pdf",
      "pages-2000.pdf",
      "empty.pdf",
      "zero-pages.pdf",
      "bomb.docx",
      "archive.zip",
      "garbage.bin",
      "flood.png",
      "deep.png",
    ].map((name) => [name, f(name)]),
  );
}

/** A PNG header declaring a vast 1-bit canvas ("pixel flood"): a few hundred bytes on disk. */
function floodPng(width: number, height: number): Buffer {
  const chunk = (type: string, data: Buffer) => {
    const body = Buffer.concat([Buffer.from(type, "latin1"), data]);
    const out = Buffer.alloc(8 + data.length + 4);
    out.writeUInt32BE(data.length, 0);
    body.copy(out, 4);
    out.writeUInt32BE(crc32(body), 8 + data.length);
    return out;
  };
  const ihdr = Buffer.alloc(13);
  ihdr.writeUInt32BE(width, 0);
  ihdr.writeUInt32BE(height, 4);
  ihdr[8] = 1; // bit depth
  return Buffer.concat([
    Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
    chunk("IHDR", ihdr),
    chunk("IDAT", deflateSync(Buffer.alloc(4096))),
    chunk("IEND", Buffer.alloc(0)),
  ]);
}

function zipDocxParts() {
  return [
    { name: "[Content_Types].xml", data: `${XML}<Types xmlns="${CT}"/>` },
    {
      name: "word/document.xml",
      data: `${XML}<w:document xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"/>`,
    },
  ];
}
