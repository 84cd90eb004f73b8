import { describe, expect, it } from "vitest";
import { detectFileType } from "@/server/gateway/convert/detect-file-type";
import { blankPdf, docx } from "./make-fixtures";
import { writeZip } from "./zip-writer";

const limits = { maxUnzippedBytes: 10 * 1024 * 1024, maxZipEntries: 50, maxCompressionRatio: 200 };
const detect = (bytes: Buffer | string) => detectFileType(Buffer.from(bytes), limits);

/** A minimal OLE2 compound file (512-byte sectors: FAT, then one directory sector) holding the named streams. */
function ole(streams: string[], { loop = false } = {}): Buffer {
  const sector = 512;
  const file = Buffer.alloc(sector * 3, 0);
  Buffer.from([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1]).copy(file, 0);
  file.writeUInt16LE(0x3e, 0x18);
  file.writeUInt16LE(3, 0x1a);
  file.writeUInt16LE(0xfffe, 0x1c);
  file.writeUInt16LE(9, 0x1e);
  file.writeUInt16LE(6, 0x20);
  file.writeUInt32LE(1, 0x2c); // one FAT sector
  file.writeUInt32LE(1, 0x30); // directory starts at sector 1
  file.writeUInt32LE(0xfffffffe, 0x3c);
  file.writeUInt32LE(0xfffffffe, 0x44); // no DIFAT sectors
  for (let i = 0; i < 109; i++) file.writeUInt32LE(i === 0 ? 0 : 0xffffffff, 0x4c + i * 4);
  const fat = sector; // sector 0
  for (let i = 0; i < 128; i++) file.writeUInt32LE(0xffffffff, fat + i * 4);
  file.writeUInt32LE(0xfffffffd, fat); // sector 0 is the FAT
  file.writeUInt32LE(loop ? 1 : 0xfffffffe, fat + 4); // the directory: one sector, or a hostile self-loop
  const dir = sector * 2; // sector 1
  ["Root Entry", ...streams].slice(0, 4).forEach((name, i) => {
    const entry = dir + i * 128;
    file.write(`${name}\0`, entry, "utf16le");
    file.writeUInt16LE((name.length + 1) * 2, entry + 64);
    file[entry + 66] = i === 0 ? 5 : 2;
  });
  return file;
}

describe("real type from the bytes", () => {
  it("recognises PDF, TIFF (both byte orders), PNG, JPEG, GIF, RTF and text", () => {
    expect(detect(blankPdf(1))).toEqual({ type: "pdf" });
    expect(detect(Buffer.from([0x49, 0x49, 0x2a, 0, 8, 0, 0, 0]))).toEqual({ type: "tiff" });
    expect(detect(Buffer.from([0x4d, 0x4d, 0, 0x2a, 0, 0, 0, 8]))).toEqual({ type: "tiff" });
    expect(detect(Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0]))).toEqual({ type: "png" });
    expect(detect(Buffer.from([0xff, 0xd8, 0xff, 0xe0, 0]))).toEqual({ type: "jpeg" });
    expect(detect("GIF89a....")).toEqual({ type: "gif" });
    expect(detect("{\\rtf1\\ansi hello}")).toEqual({ type: "rtf" });
    expect(detect("Dear clinic,\r\nthe results are attached.\tÄÖÜ\n")).toEqual({ type: "txt" });
  });

  it("tells zip-based documents apart by their entries", () => {
    expect(detect(docx("hi"))).toEqual({ type: "docx" });
    const ooxml = (part: string) =>
      writeZip([
        { name: "[Content_Types].xml", data: "<Types/>" },
        { name: part, data: "<x/>" },
      ]);
    expect(detect(ooxml("xl/workbook.xml"))).toEqual({ type: "xlsx" });
    expect(detect(ooxml("ppt/presentation.xml"))).toEqual({ type: "pptx" });
    const odf = (mime: string) =>
      writeZip([
        { name: "mimetype", data: mime, store: true },
        { name: "content.xml", data: "<x/>" },
      ]);
    expect(detect(odf("application/vnd.oasis.opendocument.text"))).toEqual({ type: "odt" });
    expect(detect(odf("application/vnd.oasis.opendocument.spreadsheet"))).toEqual({ type: "ods" });
    expect(detect(odf("application/vnd.oasis.opendocument.presentation"))).toEqual({ type: "odp" });
    expect(detect(writeZip([{ name: "photo.jpg", data: "x" }]))).toEqual({
      invalid: "This is a zip archive, not a document; upload the document itself.",
    });
  });

  it("refuses zip bombs, oversized, crowded and encrypted archives from the directory alone", () => {
    const bomb = writeZip([
      { name: "[Content_Types].xml", data: "<Types/>" },
      { name: "word/document.xml", data: Buffer.alloc(5 * 1024 * 1024) },
    ]);
    expect(detect(bomb)).toEqual({
      invalid: "The document is compressed suspiciously far (a “zip bomb”); it was not opened.",
    });
    const big = writeZip([{ name: "word/document.xml", data: Buffer.alloc(11 * 1024 * 1024), store: true }]);
    expect(detect(big)).toEqual({ invalid: "The document unpacks to 11 MB (the limit is 10 MB)." });
    const crowded = writeZip(Array.from({ length: 51 }, (_, i) => ({ name: `part${i}.xml`, data: "<x/>" })));
    expect(detect(crowded)).toEqual({ invalid: "The document cannot be opened: it holds 51 parts (the limit is 50)." });
    const encrypted = docx("secret");
    const cd = encrypted.indexOf(Buffer.from([0x50, 0x4b, 0x01, 0x02]));
    encrypted.writeUInt16LE(encrypted.readUInt16LE(cd + 8) | 1, cd + 8); // set the "encrypted" flag
    expect(detect(encrypted)).toEqual({ invalid: "The document is password-protected; save an unprotected copy." });
  });

  it("tells OLE2 Office files apart by their streams, and spots password-protected Office files", () => {
    expect(detect(ole(["WordDocument", "1Table"]))).toEqual({ type: "doc" });
    expect(detect(ole(["Workbook"]))).toEqual({ type: "xls" });
    expect(detect(ole(["PowerPoint Document", "Current User"]))).toEqual({ type: "ppt" });
    expect(detect(ole(["VisioDocument"]))).toEqual({ type: "vsd" });
    expect(detect(ole(["EncryptionInfo", "EncryptedPackage"]))).toEqual({
      invalid: "The document is password-protected; save an unprotected copy.",
    });
    expect(detect(ole(["Contents"]))).toEqual({
      invalid: "This Office file is not a Word, Excel, PowerPoint or Visio document.",
    });
    expect(detect(ole(["WordDocument"], { loop: true }))).toEqual({ type: "doc" }); // a looping chain ends
    expect(detect(ole(["WordDocument"]).subarray(0, 100))).toEqual({
      invalid: "The document cannot be opened: it is damaged.",
    });
  });

  it("takes only a file that starts with %PDF- for a PDF, and refuses what Ghostscript would run as a program", () => {
    const postscript = /^This file is PostScript, a program for printers, not a document;/;
    // PostScript wearing a PDF header within its first KiB (issue 16), and with a ^D or a byte-order mark.
    const disguised = `%!PS-Adobe-3.0\n% %PDF-1.7\n(/tmp) { } 1024 string filenameforall\n`;
    expect(detect(disguised)).toMatchObject({ invalid: expect.stringMatching(postscript) });
    expect(detect(`\x04${disguised}`)).toMatchObject({ invalid: expect.stringMatching(postscript) });
    expect(detect(`\ufeff${disguised}`)).toMatchObject({ invalid: expect.stringMatching(postscript) });
    // Text that starts like PostScript is refused too (it would otherwise be faxed as a text file).
    expect(detect("%!\nshowpage\n")).toMatchObject({ invalid: expect.stringMatching(postscript) });
    const eps = Buffer.concat([Buffer.from([0xc5, 0xd0, 0xd3, 0xc6]), Buffer.alloc(28), Buffer.from("%PDF-1.4\n")]);
    expect(detect(eps)).toMatchObject({
      invalid: expect.stringMatching(/^This file is Encapsulated PostScript \(EPS\)/),
    });
    expect(detect("\x1b%-12345X@PJL ENTER LANGUAGE = POSTSCRIPT\n%PDF-1.4\n")).toMatchObject({
      invalid: expect.stringMatching(/^This file is a printer job \(PJL\)/),
    });
    // Something else before the PDF header: readers cope, Ghostscript would not read it as a PDF.
    expect(detect(Buffer.concat([Buffer.from("junk before the header\n"), blankPdf(1)]))).toEqual({
      invalid: "The PDF has something else in front of its header; save it again as a PDF and upload that.",
    });
  });

  it("refuses empty files and binary files that are none of these", () => {
    expect(detect("")).toEqual({ invalid: "The file is empty." });
    expect(detect(Buffer.from([0x7f, 0x45, 0x4c, 0x46, 2, 1, 1, 0, 0, 0]))).toMatchObject({
      invalid: expect.stringMatching(/^This is not a document type we can fax/),
    });
  });
});
