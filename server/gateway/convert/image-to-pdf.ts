/**
 * Images → PDF: ImageMagick flattens onto white and writes a lossless 8-bit TIFF (Debian's ImageMagick
 * policy forbids writing PDF, rightly; tiff2pdf cannot wrap 16-bit samples, which scans and screenshots
 * often have), then libtiff's tiff2pdf wraps it. Photos get a resolution that fits them on a letter
 * page; a TIFF keeps its own (a fax TIFF's 204×98 dpi is not square). Declared pixel sizes are checked
 * from the header before anything decodes the image.
 */
import { readFile } from "node:fs/promises";
import path from "node:path";
import { readTiffInfo } from "../tiff-info";
import type { ConversionTools } from "./conversion-options";
import type { DocumentType } from "./file-types";
import { imageSize } from "./image-size";
import { runTool } from "./run-tool";

const MAX_PIXELS = 100_000_000;
const IM_LIMITS = ["-limit", "memory", "256MiB", "-limit", "disk", "1GiB", "-limit", "area", "128MP"];

export async function imageToPdf(options: {
  tools: ConversionTools;
  type: DocumentType;
  inputPath: string;
  dir: string;
  /** The job's private directory (the sandbox's only writable place); `dir` lies inside it. */
  jobDir: string;
  timeoutMs: number;
}): Promise<{ pdfPath: string } | { invalid: string }> {
  const { tools, type, inputPath, dir, jobDir, timeoutMs } = options;
  const tiffPath = path.join(dir, "image.tiff");
  const pdfPath = path.join(dir, "document.pdf");
  // Only the first frame of a GIF (animations are not pages); every page of a TIFF.
  const source = type === "gif" ? `${inputPath}[0]` : inputPath;
  const density: string[] = [];
  if (type === "tiff") {
    const info = await readTiffInfo(inputPath);
    if (!info.ok) return { invalid: "The image is damaged and cannot be read." };
    const flood = info.pages.find((p) => p.width * p.length > MAX_PIXELS);
    if (flood) return { invalid: pixelLimit(flood.width, flood.length) };
  } else {
    const size = imageSize(await readFile(inputPath));
    if (!size?.width || !size.height) return { invalid: "The image is damaged and cannot be read." };
    const { width: w, height: h } = size;
    if (w * h > MAX_PIXELS) return { invalid: pixelLimit(w, h) };
    const dpi = Math.max(72, Math.ceil(Math.max(w / 8, h / 10.5)));
    density.push("-units", "PixelsPerInch", "-density", String(dpi));
  }
  const run = { jobDir, cwd: dir, timeoutMs };
  const flattened = await runTool(
    tools.convert,
    [
      ...IM_LIMITS,
      source,
      "-background",
      "white",
      "-alpha",
      "remove",
      "-alpha",
      "off",
      "-depth",
      "8",
      ...density,
      "-compress",
      "zip",
      tiffPath,
    ],
    run,
  );
  if (flattened.timedOut) return { invalid: "The image took too long to convert." };
  if (flattened.code !== 0) return { invalid: "The image is damaged and cannot be read." };
  const wrapped = await runTool(tools.tiff2pdf, ["-z", "-o", pdfPath, tiffPath], run);
  if (wrapped.timedOut) return { invalid: "The image took too long to convert." };
  if (wrapped.code !== 0) return { invalid: "The image could not be turned into pages." };
  return { pdfPath };
}

function pixelLimit(width: number, height: number) {
  return `The image is ${width}×${height} pixels; the limit is 100 megapixels.`;
}
