/**
 * The transmission report's page: its text lines and the fax's first page reduced (lib/pdf/text-page-pdf.ts,
 * the one PDF writer, shared with cover pages made in the browser).
 */
import { type PageImage, type TextLine, writeTextPagePdf } from "@/lib/pdf/text-page-pdf";

export type ReportLine = TextLine;
export type ReportImage = PageImage;

export function writeReportPdf(lines: ReportLine[], image: ReportImage | null, imageCaption: string): Uint8Array {
  return writeTextPagePdf({ lines, image: { image, caption: imageCaption } });
}
