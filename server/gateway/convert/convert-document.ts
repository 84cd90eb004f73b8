/**
 * The conversion pipeline a gateway job runs on plaintext it has just decrypted:
 *   bytes → real type (refusing names/MIME types that lie, zip bombs, protected files)
 *   → viewable PDF (LibreOffice for office files, in one start-up per batch; ImageMagick + tiff2pdf for
 *     images; the PDF itself for PDFs)
 *   → page count and limit → fax TIFF (G4, 1728 px wide) at the chosen quality, whose own pages are the
 *     document's page count (a PDF may claim fewer than it renders).
 * Everything happens inside the job's private directory (see withConversionDir), which is wiped when the
 * job ends; the caller encrypts the outputs before that. Every tool runs sandboxed on that directory
 * alone (run-tool.ts). Refusals are `{ invalid: reason }` with a reason
 * a person can act on ("Invalid attachment: …").
 */
import { copyFile, mkdir, readFile, stat } from "node:fs/promises";
import path from "node:path";
import {
  type ConversionLimits,
  type ConversionTools,
  conversionLimitsSchema,
  conversionToolsSchema,
  type FaxQuality,
  faxQualitySchema,
} from "./conversion-options";
import { detectFileType } from "./detect-file-type";
import { DOCUMENT_TYPES, type DocumentType, declaredMismatch } from "./file-types";
import { imageToPdf } from "./image-to-pdf";
import { officeToPdf } from "./office-to-pdf";
import { pdfInfo } from "./pdf-info";
import { pdfToFaxTiff } from "./pdf-to-fax-tiff";

export type InputFile = { inputPath: string; declaredName: string; declaredType?: string };
export type Converted = {
  type: DocumentType;
  pdfPath: string;
  tiffPath: string;
  pages: number;
  warnings: string[];
};
export type ConversionResult = Converted | { invalid: string };

export type ConvertOptions = {
  /** The job's private directory (from withConversionDir); every output is written inside it. */
  workDir: string;
  quality: FaxQuality;
  limits?: Partial<ConversionLimits>;
  tools?: Partial<ConversionTools>;
};

export const DISCOURAGED_IMAGE_WARNING =
  "Photos and screenshots fax poorly (grey becomes dots); a PDF or document gives sharper pages.";

type Prepared = { index: number; type: DocumentType; dir: string; inputPath: string; warnings: string[] };

/** One file. */
export async function convertDocument(file: InputFile, options: ConvertOptions): Promise<ConversionResult> {
  const [result] = await convertDocuments([file], options);
  return result!;
}

/** Several files of one job (a fax with attachments): one LibreOffice start-up for all office files. */
export async function convertDocuments(files: InputFile[], options: ConvertOptions): Promise<ConversionResult[]> {
  const quality = faxQualitySchema.parse(options.quality);
  const limits = conversionLimitsSchema.parse(options.limits ?? {});
  const tools = conversionToolsSchema.parse(options.tools ?? {});
  const results: ConversionResult[] = new Array(files.length);
  const prepared: Prepared[] = [];

  for (const [index, file] of files.entries()) {
    const outcome = await prepare(file, index, options.workDir, limits);
    if ("invalid" in outcome) results[index] = outcome;
    else prepared.push(outcome);
  }

  const office = prepared.filter((p) => DOCUMENT_TYPES[p.type].route === "office");
  const pdfs = new Map<number, { pdfPath: string } | { invalid: string }>();
  if (office.length > 0) {
    const { outDir, timedOut } = await officeToPdf(
      tools.soffice,
      office.map((p) => p.inputPath),
      options.workDir,
      limits.timeoutMs * office.length,
    );
    for (const p of office) {
      const produced = path.join(outDir, `${path.parse(p.inputPath).name}.pdf`);
      const exists = await stat(produced).then(
        (s) => s.size > 0,
        () => false,
      );
      if (exists) pdfs.set(p.index, { pdfPath: produced });
      else if (timedOut) pdfs.set(p.index, { invalid: "The document took too long to convert." });
      else pdfs.set(p.index, { invalid: `The ${DOCUMENT_TYPES[p.type].label} is damaged and cannot be opened.` });
    }
  }

  for (const p of prepared) {
    results[p.index] = await finish(p, pdfs.get(p.index), { quality, limits, tools, jobDir: options.workDir });
  }
  return results;
}

async function prepare(
  file: InputFile,
  index: number,
  workDir: string,
  limits: ConversionLimits,
): Promise<Prepared | { invalid: string }> {
  const info = await stat(file.inputPath).catch(() => null);
  if (!info?.isFile()) return { invalid: "The file could not be found." };
  if (info.size === 0) return { invalid: "The file is empty." };
  if (info.size > limits.maxBytes) {
    return { invalid: `The file is ${mb(info.size)}; the limit is ${mb(limits.maxBytes)}.` };
  }
  const bytes = await readFile(file.inputPath);
  const detected = detectFileType(bytes, limits);
  if ("invalid" in detected) return detected;
  const mismatch = declaredMismatch(detected.type, file.declaredName, file.declaredType);
  if (mismatch) return { invalid: mismatch };
  // Each file gets its own directory and a name we choose: tools never see the person's file name.
  const dir = path.join(workDir, `file-${index}`);
  await mkdir(dir, { recursive: true, mode: 0o700 });
  const inputPath = path.join(dir, `input-${index}.${DOCUMENT_TYPES[detected.type].extensions[0]}`);
  await copyFile(file.inputPath, inputPath);
  const warnings = DOCUMENT_TYPES[detected.type].discouraged ? [DISCOURAGED_IMAGE_WARNING] : [];
  return { index, type: detected.type, dir, inputPath, warnings };
}

async function finish(
  p: Prepared,
  officePdf: { pdfPath: string } | { invalid: string } | undefined,
  job: { quality: FaxQuality; limits: ConversionLimits; tools: ConversionTools; jobDir: string },
): Promise<ConversionResult> {
  const { limits, tools, jobDir } = job;
  const route = DOCUMENT_TYPES[p.type].route;
  let pdf: { pdfPath: string } | { invalid: string };
  if (route === "pdf") pdf = { pdfPath: p.inputPath };
  else if (route === "image") {
    pdf = await imageToPdf({
      tools,
      type: p.type,
      inputPath: p.inputPath,
      dir: p.dir,
      jobDir,
      timeoutMs: limits.timeoutMs,
    });
  } else pdf = officePdf ?? { invalid: "The document could not be converted." };
  if ("invalid" in pdf) return pdf;

  // Counting pages is cheap; rendering is not — so a document that admits too many pages is refused
  // before ghostscript runs. One that hides them is stopped by the render's own page limit.
  const info = await pdfInfo(tools.pdfinfo, pdf.pdfPath, { jobDir, timeoutMs: limits.timeoutMs });
  if ("invalid" in info) return info;
  if (info.pages === 0) return { invalid: "The document has no pages." };
  if (info.pages > limits.maxPages) {
    return { invalid: `The document has ${info.pages} pages; the limit is ${limits.maxPages}.` };
  }
  const warnings = [...p.warnings];
  if (info.encrypted) warnings.push("The PDF carries usage restrictions; it was faxed as printed.");

  const tiffPath = path.join(p.dir, "fax.tiff");
  const rendered = await pdfToFaxTiff({
    gs: tools.gs,
    pdfPath: pdf.pdfPath,
    tiffPath,
    quality: job.quality,
    jobDir,
    timeoutMs: limits.timeoutMs,
    maxPages: limits.maxPages,
  });
  if ("invalid" in rendered) return rendered;
  return { type: p.type, pdfPath: pdf.pdfPath, tiffPath, pages: rendered.pages, warnings };
}

function mb(bytes: number) {
  return `${(bytes / (1024 * 1024)).toFixed(1)} MB`;
}
