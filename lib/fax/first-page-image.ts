/**
 * The first page of a fax, reduced to grey pixels for its transmission report — in the browser,
 * from the pages as faxed (already decrypted there), with pdf.js. Nothing leaves the browser.
 */
import type { GreyImage } from "./transmission-report-pdf";

/** About a third of a fine page (1728 px wide): readable as a thumbnail, small in the PDF. */
const TARGET_WIDTH = 560;

export async function firstPageImage(pdfBytes: Uint8Array): Promise<GreyImage> {
  const { pdfjs } = await import("react-pdf");
  pdfjs.GlobalWorkerOptions.workerSrc ||= new URL("pdfjs-dist/build/pdf.worker.min.mjs", import.meta.url).toString();
  const pdf = await pdfjs.getDocument({ data: pdfBytes.slice() }).promise;
  try {
    const page = await pdf.getPage(1);
    const unscaled = page.getViewport({ scale: 1 });
    const viewport = page.getViewport({ scale: TARGET_WIDTH / unscaled.width });
    const canvas = document.createElement("canvas");
    canvas.width = Math.round(viewport.width);
    canvas.height = Math.round(viewport.height);
    const context = canvas.getContext("2d")!;
    context.fillStyle = "#fff";
    context.fillRect(0, 0, canvas.width, canvas.height);
    await page.render({ canvas, canvasContext: context, viewport }).promise;
    const rgba = context.getImageData(0, 0, canvas.width, canvas.height).data;
    const pixels = new Uint8Array(canvas.width * canvas.height);
    for (let i = 0; i < pixels.length; i++) {
      pixels[i] = Math.round(0.299 * rgba[i * 4]! + 0.587 * rgba[i * 4 + 1]! + 0.114 * rgba[i * 4 + 2]!);
    }
    return { width: canvas.width, height: canvas.height, pixels };
  } finally {
    await pdf.destroy();
  }
}
