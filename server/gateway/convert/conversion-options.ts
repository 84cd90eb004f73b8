/** Limits, fax quality and tool names for a conversion job, validated once at the boundary. */
import { z } from "zod";
import { MAX_DOCUMENT_BYTES, MAX_DOCUMENT_PAGES } from "@/lib/documents/document-limits";

const MB = 1024 * 1024;

export const faxQualitySchema = z.enum(["standard", "fine", "superfine"]);
export type FaxQuality = z.infer<typeof faxQualitySchema>;

/** Fax resolutions: always 204 dpi across (1728 px on a letter/A4 line), 98/196/392 lines per inch down. */
export const FAX_RESOLUTION: Record<FaxQuality, string> = {
  standard: "204x98",
  fine: "204x196",
  superfine: "204x392",
};

export const conversionLimitsSchema = z.object({
  maxBytes: z.number().int().positive().default(MAX_DOCUMENT_BYTES),
  maxPages: z.number().int().positive().default(MAX_DOCUMENT_PAGES),
  maxUnzippedBytes: z
    .number()
    .int()
    .positive()
    .default(200 * MB),
  maxZipEntries: z.number().int().positive().default(5000),
  maxCompressionRatio: z.number().positive().default(200),
  /** Per tool run; LibreOffice gets this per file in its batch. */
  timeoutMs: z.number().int().positive().default(120_000),
});
export type ConversionLimits = z.infer<typeof conversionLimitsSchema>;

export const conversionToolsSchema = z.object({
  soffice: z.string().default("soffice"),
  gs: z.string().default("gs"),
  pdfinfo: z.string().default("pdfinfo"),
  convert: z.string().default("convert"),
  tiff2pdf: z.string().default("tiff2pdf"),
  tiffcp: z.string().default("tiffcp"),
});
export type ConversionTools = z.infer<typeof conversionToolsSchema>;
