import { describe, expect, it } from "vitest";
import { checkLogo } from "@/lib/branding/check-logo";
import { SVG_UNSAFE } from "@/lib/branding/sanitize-svg";
import { LOGO_MAX_BYTES, LOGO_TOO_LARGE, LOGO_WRONG_TYPE } from "@/lib/schemas/branding";

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
    expect(checkLogo(data, type)).toMatchObject({ ok: true, mimeType: type.toLowerCase() });
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
  ])("refuses %s", (_what, type, data) => {
    expect(checkLogo(data, type)).toEqual({ ok: false, message: LOGO_WRONG_TYPE });
  });
});

const NS = 'xmlns="http://www.w3.org/2000/svg"';
const text = (check: ReturnType<typeof checkLogo>) => (check.ok ? Buffer.from(check.bytes).toString("utf8") : null);

describe("an SVG logo", () => {
  it.each([
    ["a script", "<svg><SCRIPT>alert(1)</SCRIPT></svg>"],
    [
      "a script in a namespace",
      `<svg ${NS} xmlns:x="http://www.w3.org/1999/xhtml"><x:script>alert(1)</x:script></svg>`,
    ],
    [
      "an SVG script under another prefix",
      `<svg ${NS} xmlns:s="http://www.w3.org/2000/svg"><s:script>1</s:script></svg>`,
    ],
    ["an onload handler", '<svg onload="alert(1)"/>'],
    ["a javascript: link", '<svg><a href="javascript:alert(1)"/></svg>'],
    ["an entity-encoded javascript: link", `<svg ${NS}><a href="&#106;avascript:alert(1)"><rect/></a></svg>`],
    ["an entity-encoded javascript: use", `<svg ${NS}><use href="&#x6A;avascript:alert(1)"/></svg>`],
    ["a foreignObject", `<svg ${NS}><foreignObject><iframe src="https://evil.example"/></foreignObject></svg>`],
    ["an external use", `<svg ${NS}><use href="https://evil.example/x.svg#a"/></svg>`],
    [
      "an external xlink:href",
      `<svg ${NS} xmlns:xlink="http://www.w3.org/1999/xlink"><use xlink:href="//evil/a"/></svg>`,
    ],
    ["an embedded image", `<svg ${NS}><image href="https://tracker.example/p.png"/></svg>`],
    ["an animation that sets a link", `<svg ${NS}><set attributeName="href" to="javascript:alert(1)"/></svg>`],
    ["a DOCTYPE with entities", '<!DOCTYPE svg [<!ENTITY x "y">]><svg/>'],
    ["an undeclared named entity", `<svg ${NS}><text>&xxe;</text></svg>`],
    ["an external url() in a style attribute", `<svg ${NS}><rect style="fill:url(https://t.example/a)"/></svg>`],
    ["an @import in a style element", `<svg ${NS}><style>@import "https://t.example/a.css";</style></svg>`],
    ["a CSS-escaped external url()", `<svg ${NS}><style>rect{fill:u\\72l(https://t.example/)}</style></svg>`],
    ["a style sheet instruction", `<?xml-stylesheet href="https://t.example/a.css"?><svg ${NS}/>`],
    ["nesting deep enough to exhaust the stack", `<svg ${NS}>${"<g>".repeat(30_000)}${"</g>".repeat(30_000)}</svg>`],
  ])("with %s is refused as unsafe", (_what, source) => {
    expect(checkLogo(svg(source), "image/svg+xml")).toEqual({ ok: false, message: SVG_UNSAFE });
  });

  it.each([
    ["a slash-separated handler", "<svg/onload=alert(1)>"],
    ["a handler after a quote", '<svg><g x="1"onClick ="x()"/></svg>'],
    ["an XHTML root", '<svg xmlns="http://www.w3.org/1999/xhtml"><rect/></svg>'],
    ["broken XML", `<svg ${NS}><rect></svg>`],
    ["an unbound prefix", `<svg ${NS}><x:rect/></svg>`],
    ["a non-svg root", `<html ${NS}/>`],
  ])("with %s is not an SVG", (_what, source) => {
    expect(checkLogo(svg(source), "image/svg+xml")).toEqual({ ok: false, message: LOGO_WRONG_TYPE });
  });

  it("is stored as rebuilt drawing, with editor extras dropped and local references kept", () => {
    const source = `<?xml version="1.0" encoding="UTF-8"?>
<!-- made by hand -->
<svg ${NS} xmlns:xlink="http://www.w3.org/1999/xlink" xmlns:inkscape="http://www.inkscape.org/namespaces/inkscape"
     viewBox="0 0 10 10" inkscape:version="1.3" data-x="1">
  <metadata><rdf:RDF xmlns:rdf="http://www.w3.org/1999/02/22-rdf-syntax-ns#"/></metadata>
  <defs><linearGradient id="g"><stop offset="0" stop-color="#f00"/></linearGradient></defs>
  <style><![CDATA[.a{fill:url(#g)}]]></style>
  <rect class="a" width="10" height="10" fill="url(#g)"/>
  <use xlink:href="#g"/>
  <text x="1" y="9">A &amp; B &#169;</text>
</svg>`;
    const out = text(checkLogo(svg(source), "image/svg+xml"));
    expect(out).toContain('<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 10 10">');
    expect(out).toContain('<rect class="a" width="10" height="10" fill="url(#g)"/>');
    expect(out).toContain('<use href="#g"/>');
    expect(out).toContain("<style>.a{fill:url(#g)}</style>");
    expect(out).toContain("A &amp; B ©");
    expect(out).not.toMatch(/inkscape|metadata|rdf|data-x|<!--|<\?xml/);
  });
});
