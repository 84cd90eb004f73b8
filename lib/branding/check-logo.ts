/**
 * Pure logo check: size, declared type, and that the bytes really are that type. A logo is shown
 * on sign-in pages to anyone, so an SVG is rebuilt from plain drawing only (sanitize-svg.ts).
 */
import {
  isLogoMimeType,
  LOGO_MAX_BYTES,
  LOGO_TOO_LARGE,
  LOGO_WRONG_TYPE,
  type LogoMimeType,
} from "@/lib/schemas/branding";
import { SVG_UNSAFE, sanitizeSvg } from "./sanitize-svg";

export type LogoCheck =
  | { ok: true; mimeType: LogoMimeType; bytes: Uint8Array<ArrayBuffer> }
  | { ok: false; message: string };

const startsWith = (bytes: Uint8Array, sig: readonly number[], at = 0) => sig.every((b, i) => bytes[at + i] === b);
const ascii = (s: string) => [...s].map((c) => c.charCodeAt(0));

const RASTER: Record<Exclude<LogoMimeType, "image/svg+xml">, (b: Uint8Array) => boolean> = {
  "image/png": (b) => startsWith(b, [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
  "image/jpeg": (b) => startsWith(b, [0xff, 0xd8, 0xff]),
  "image/gif": (b) => startsWith(b, ascii("GIF87a")) || startsWith(b, ascii("GIF89a")),
  "image/webp": (b) => startsWith(b, ascii("RIFF")) && startsWith(b, ascii("WEBP"), 8),
};

/** Checks a logo; an SVG comes back rebuilt from its allowed drawing parts (store those bytes). */
export function checkLogo(bytes: Uint8Array<ArrayBuffer>, declaredType: string): LogoCheck {
  if (bytes.length > LOGO_MAX_BYTES) return { ok: false, message: LOGO_TOO_LARGE };
  const mimeType = declaredType.trim().toLowerCase();
  if (!isLogoMimeType(mimeType) || bytes.length === 0) return { ok: false, message: LOGO_WRONG_TYPE };
  if (mimeType !== "image/svg+xml") {
    return RASTER[mimeType](bytes) ? { ok: true, mimeType, bytes } : { ok: false, message: LOGO_WRONG_TYPE };
  }
  let text: string;
  try {
    text = new TextDecoder("utf-8", { fatal: true }).decode(bytes); // binary data is not an SVG
  } catch {
    return { ok: false, message: LOGO_WRONG_TYPE };
  }
  const svg = sanitizeSvg(text);
  if (!svg.ok) return { ok: false, message: svg.reason === "unsafe" ? SVG_UNSAFE : LOGO_WRONG_TYPE };
  const clean = new TextEncoder().encode(svg.svg);
  if (clean.length > LOGO_MAX_BYTES) return { ok: false, message: LOGO_TOO_LARGE };
  return { ok: true, mimeType, bytes: clean };
}
