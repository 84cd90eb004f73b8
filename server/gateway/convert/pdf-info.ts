/** Page count and encryption of a PDF, via poppler's pdfinfo (fast: it does not render). */
import { runTool } from "./run-tool";

export type PdfInfo = { pages: number; encrypted: boolean } | { invalid: string };

export async function pdfInfo(
  pdfinfo: string,
  pdfPath: string,
  run: { jobDir: string; timeoutMs: number },
): Promise<PdfInfo> {
  const result = await runTool(pdfinfo, [pdfPath], run);
  if (result.timedOut) return { invalid: "The PDF took too long to read." };
  if (result.code !== 0) {
    if (/password/i.test(result.stderr)) {
      return { invalid: "The PDF is password-protected; save an unprotected copy and upload that." };
    }
    // pdfinfo refuses a PDF whose page tree is empty; that is a readable file with no pages.
    if (/Invalid page count 0\b/.test(result.stderr)) return { pages: 0, encrypted: false };
    return { invalid: "The PDF is damaged and cannot be read." };
  }
  const pages = Number(/^Pages:\s+(\d+)/m.exec(result.stdout)?.[1] ?? Number.NaN);
  if (!Number.isFinite(pages)) return { invalid: "The PDF is damaged and cannot be read." };
  return { pages, encrypted: /^Encrypted:\s+yes/m.test(result.stdout) };
}
