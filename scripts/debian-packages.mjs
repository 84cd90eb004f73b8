/**
 * Debian packages document conversion needs (server/gateway/convert), in the { pkg, bin } shape that
 * ensureDebianPackages() in scripts/ensure-deps.mjs installs (with --no-install-recommends): `bin` is a
 * file the package puts on disk, so a present package is not reinstalled.
 *   node scripts/debian-packages.mjs        prints the package names (for apt-get install by hand)
 */
import { pathToFileURL } from "node:url";

/**
 * The sandbox every conversion tool runs in (server/gateway/convert/sandbox.ts): without it conversion
 * refuses to run anything, so `npm start` installs it even where the tools themselves are missing.
 */
export const SANDBOX_PACKAGE = { pkg: "bubblewrap", bin: "/usr/bin/bwrap" };

/** What `npm start` (the gateway) needs to convert documents. */
export const CONVERSION_PACKAGES = [
  SANDBOX_PACKAGE,
  { pkg: "ghostscript", bin: "/usr/bin/gs" }, // PDF → fax TIFF (tiffg4)
  { pkg: "poppler-utils", bin: "/usr/bin/pdfinfo" }, // page count, password check
  { pkg: "libtiff-tools", bin: "/usr/bin/tiff2pdf" }, // images → PDF (and tiffinfo for tests)
  { pkg: "imagemagick", bin: "/usr/bin/identify" }, // PNG/JPEG/GIF/TIFF flattening
  { pkg: "libreoffice-writer-nogui", bin: "/usr/lib/libreoffice/program/libswlo.so" }, // DOC/DOCX/ODT/RTF/TXT
  { pkg: "libreoffice-calc-nogui", bin: "/usr/lib/libreoffice/program/libsclo.so" }, // XLS/XLSX/ODS
  { pkg: "libreoffice-impress-nogui", bin: "/usr/lib/libreoffice/program/libslideshowlo.so" }, // PPT/PPTX/ODP
  { pkg: "libreoffice-draw-nogui", bin: "/usr/lib/libreoffice/program/libsdlo.so" }, // VSD (and Impress's core)
];

/** Only the tests need these: qpdf writes the encrypted PDFs the converter must refuse. */
export const CONVERSION_TEST_PACKAGES = [{ pkg: "qpdf", bin: "/usr/bin/qpdf" }];

if (import.meta.url === pathToFileURL(process.argv[1] ?? "").href) {
  console.log([...CONVERSION_PACKAGES, ...CONVERSION_TEST_PACKAGES].map((p) => p.pkg).join(" "));
}
