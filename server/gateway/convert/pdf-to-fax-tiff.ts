/** PDF → fax TIFF (CCITT G4, 1728 px wide, 204 dpi across) with ghostscript, pages fitted to the paper. */
import { FAX_RESOLUTION, type FaxQuality } from "./conversion-options";
import { runTool } from "./run-tool";

export async function pdfToFaxTiff(options: {
  gs: string;
  pdfPath: string;
  tiffPath: string;
  quality: FaxQuality;
  cwd: string;
  timeoutMs: number;
}): Promise<{ ok: true } | { invalid: string }> {
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
      `-sOutputFile=${options.tiffPath}`,
      options.pdfPath,
    ],
    { cwd: options.cwd, timeoutMs: options.timeoutMs },
  );
  if (result.timedOut) return { invalid: "The document took too long to render as fax pages." };
  if (result.code !== 0) return { invalid: "The document is damaged and cannot be rendered as fax pages." };
  return { ok: true };
}
