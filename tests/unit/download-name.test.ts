import { describe, expect, it } from "vitest";
import { downloadMimeType, downloadName } from "@/lib/documents/download-name";

describe("the name a document downloads under", () => {
  it("follows the detected type when a rename dropped or changed the extension", () => {
    expect(downloadName("Quarterly report", "docx")).toBe("Quarterly report.docx");
    expect(downloadName("notes.txt", "docx")).toBe("notes.docx");
    expect(downloadName("v1.2 draft", "docx")).toBe("v1.2 draft.docx");
  });

  it("keeps a name that already ends in the type's extension, in any case", () => {
    expect(downloadName("Referral.DOCX", "docx")).toBe("Referral.DOCX");
    expect(downloadName("scan.tif", "tiff")).toBe("scan.tif");
  });

  it("saves with the type's MIME type, so the browser adds no .txt of its own", () => {
    expect(downloadMimeType("docx")).toBe("application/vnd.openxmlformats-officedocument.wordprocessingml.document");
    expect(downloadName("", "pdf")).toBe("document.pdf");
  });
});
