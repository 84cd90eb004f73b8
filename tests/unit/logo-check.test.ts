import { describe, expect, it } from "vitest";
import { LOGO_MAX_BYTES, LOGO_TOO_LARGE, LOGO_WRONG_TYPE } from "@/lib/schemas/branding";
import { checkLogo } from "@/server/branding/check-logo";

const bytes = (...parts: (number[] | string)[]) =>
  new Uint8Array(parts.flatMap((p) => (typeof p === "string" ? [...Buffer.from(p, "latin1")] : p)));
const svg = (s: string) => new Uint8Array(Buffer.from(s, "utf8"));

const PNG = bytes([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a], "rest of png");
const JPEG = bytes([0xff, 0xd8, 0xff, 0xe0], "JFIF");
const GIF = bytes("GIF89a", [1, 0, 1, 0]);
const WEBP = bytes("RIFF", [0, 0, 0, 0], "WEBPVP8 ");

describe("checkLogo", () => {
  it.each([
    ["image/png", PNG],
    ["image/jpeg", JPEG],
    ["image/gif", GIF],
    ["image/gif", bytes("GIF87a", [0])],
    ["image/webp", WEBP],
    ["image/svg+xml", svg('<svg xmlns="http://www.w3.org/2000/svg"><rect width="1" height="1"/></svg>')],
    ["image/svg+xml", svg('\uFEFF<?xml version="1.0"?>\n<svg xmlns="http://www.w3.org/2000/svg"/>')],
    ["IMAGE/PNG", PNG],
  ])("accepts a real %s", (type, data) => {
    expect(checkLogo(data, type)).toEqual({ ok: true, mimeType: type.toLowerCase() });
  });

  it("refuses a logo over 256 KB", () => {
    const big = new Uint8Array(LOGO_MAX_BYTES + 1);
    big.set(PNG);
    expect(checkLogo(big, "image/png")).toEqual({ ok: false, message: LOGO_TOO_LARGE });
    const exact = new Uint8Array(LOGO_MAX_BYTES);
    exact.set(PNG);
    expect(checkLogo(exact, "image/png").ok).toBe(true);
  });

  it.each([
    ["a type that is not an image", "application/pdf", bytes("%PDF-1.7")],
    ["an empty file", "image/png", new Uint8Array()],
    ["a JPEG declared as PNG", "image/png", JPEG],
    ["a PNG declared as GIF", "image/gif", PNG],
    ["a RIFF file that is not WebP", "image/webp", bytes("RIFF", [0, 0, 0, 0], "WAVEfmt ")],
    ["binary declared as SVG", "image/svg+xml", PNG],
    ["text that is not SVG", "image/svg+xml", svg("<html><body>hi</body></html>")],
    ["XML without an svg element", "image/svg+xml", svg('<?xml version="1.0"?><note/>')],
    ["an SVG with a script", "image/svg+xml", svg("<svg><SCRIPT>alert(1)</SCRIPT></svg>")],
    ["an SVG with an onload handler", "image/svg+xml", svg('<svg onload="alert(1)"/>')],
    ["an SVG with a slash-separated handler", "image/svg+xml", svg("<svg/onload=alert(1)>")],
    ["an SVG with a handler after a quote", "image/svg+xml", svg('<svg><a x="1"onClick ="x()"/></svg>')],
    ["an SVG with a javascript: link", "image/svg+xml", svg('<svg><a href="javascript:alert(1)"/></svg>')],
  ])("refuses %s", (_what, type, data) => {
    expect(checkLogo(data, type)).toEqual({ ok: false, message: LOGO_WRONG_TYPE });
  });
});
