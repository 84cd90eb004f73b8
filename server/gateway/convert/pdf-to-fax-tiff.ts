/**
 * PDF → fax TIFF (CCITT G4, 1728 px wide, 204 dpi across) with ghostscript, pages fitted to the paper.
 * Ghostscript renders at most maxPages + 1 pages, so a page bomb stops early; the page count is then
 * read from the rendered TIFF itself (its directories), never taken from the PDF's own claim.
 */

import { countTiffPages } from "../tiff-info";
import { FAX_RESOLUTION, type FaxQuality } from "./conversion-options";
import { runTool } from "./run-tool";

export type FaxTiff = { pages: number } | { invalid: string };

export async function pdfToFaxTiff(options: {
  gs: string;
  pdfPath: string;
  tiffPath: string;
  quality: FaxQuality;
  /** The job's private directory (the sandbox's only writable place); both paths lie inside it. */
  jobDir: string;
  timeoutMs: number;
  maxPages: number;
}): Promise<FaxTiff> {
  const { maxPages } = options;
  const result = await runTool(
    options.gs,
    [
      "-q",
      "-dNOPAUSE",
      "-dBATCH",
      "-dSAFER",
      "-sDEVICE=tiffg4",
      `-r${FAX_RESOLUTION[options.quality]}`,
      "-sPAPERSIZE=letter",
      "-dFIXEDMEDIA",
      "-dPDFFitPage",
      "-dFirstPage=1",
      `-dLastPage=${maxPages + 1}`,
      `-sOutputFile=${options.tiffPath}`,
      options.pdfPath,
    ],
    { jobDir: options.jobDir, timeoutMs: options.timeoutMs },
  );
  if (result.timedOut) return { invalid: "The document took too long to render as fax pages." };
  if (result.code !== 0) return { invalid: "The document is damaged and cannot be rendered as fax pages." };
  const pages = await countTiffPages(options.tiffPath, maxPages + 1);
  if (pages === null) return { invalid: "The document is damaged and cannot be rendered as fax pages." };
  if (pages === 0) return { invalid: "The document has no pages." };
  if (pages > maxPages) return { invalid: `The document has more than ${maxPages} pages; the limit is ${maxPages}.` };
  return { pages };
}
