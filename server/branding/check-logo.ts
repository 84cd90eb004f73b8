/**
 * Pure logo check: size, declared type, and that the bytes really are that type. A logo is shown
 * on sign-in pages to anyone, so an SVG must be plain drawing — no script, no event handlers.
 */
import {
  isLogoMimeType,
  LOGO_MAX_BYTES,
  LOGO_TOO_LARGE,
  LOGO_WRONG_TYPE,
  type LogoMimeType,
} from "@/lib/schemas/branding";

export type LogoCheck = { ok: true; mimeType: LogoMimeType } | { ok: false; message: string };

const startsWith = (bytes: Uint8Array, sig: readonly number[], at = 0) => sig.every((b, i) => bytes[at + i] === b);
const ascii = (s: string) => [...s].map((c) => c.charCodeAt(0));

const RASTER: Record<Exclude<LogoMimeType, "image/svg+xml">, (b: Uint8Array) => boolean> = {
  "image/png": (b) => startsWith(b, [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
  "image/jpeg": (b) => startsWith(b, [0xff, 0xd8, 0xff]),
  "image/gif": (b) => startsWith(b, ascii("GIF87a")) || startsWith(b, ascii("GIF89a")),
  "image/webp": (b) => startsWith(b, ascii("RIFF")) && startsWith(b, ascii("WEBP"), 8),
};

export function checkLogo(bytes: Uint8Array, declaredType: string): LogoCheck {
  if (bytes.length > LOGO_MAX_BYTES) return { ok: false, message: LOGO_TOO_LARGE };
  const mimeType = declaredType.trim().toLowerCase();
  if (!isLogoMimeType(mimeType) || bytes.length === 0) return { ok: false, message: LOGO_WRONG_TYPE };
  const matches = mimeType === "image/svg+xml" ? isSafeSvg(bytes) : RASTER[mimeType](bytes);
  return matches ? { ok: true, mimeType } : { ok: false, message: LOGO_WRONG_TYPE };
}

function isSafeSvg(bytes: Uint8Array): boolean {
  let text: string;
  try {
    text = new TextDecoder("utf-8", { fatal: true }).decode(bytes); // binary data is not an SVG
  } catch {
    return false;
  }
  const svg = text
    .replace(/^\uFEFF/, "")
    .trimStart()
    .toLowerCase();
  if (!svg.startsWith("<svg") && !svg.startsWith("<?xml")) return false;
  if (!svg.includes("<svg")) return false;
  if (svg.includes("<script")) return false;
  // on…= handlers after whitespace, a slash or a quote (<svg/onload=…>, x="1"onclick=…)
  if (/[\s/"']on[a-z]+\s*=/.test(svg)) return false;
  // Links that run script when the SVG is opened on its own.
  if (/javascript\s*:/.test(svg)) return false;
  return true;
}
