/** Checks a fax TIFF before dialling, so a bad document fails without a call. */
import type { FaxFailureCode } from "@/lib/fax-statuses";
import { readTiffInfo, type TiffPageInfo } from "./tiff-info";

/** spandsp 0.0.6 cannot rescale: pages must be exactly this wide (A4/letter at 204 dpi). */
export const FAX_PAGE_WIDTH = 1728;

export type Preflight =
  | { ok: true; pages: TiffPageInfo[] }
  | { ok: false; outcome: FaxFailureCode; message: string; pages: TiffPageInfo[] };

export async function preflightDocument(tiffPath: string): Promise<Preflight> {
  const info = await readTiffInfo(tiffPath);
  if (!info.ok && info.reason === "missing") {
    return { ok: false, outcome: "NO_ATTACHMENT", message: "The fax document file is missing", pages: [] };
  }
  if (!info.ok) {
    return { ok: false, outcome: "INVALID_ATTACHMENT", message: "The fax document is not a TIFF file", pages: [] };
  }
  return { ok: true, pages: info.pages };
}
