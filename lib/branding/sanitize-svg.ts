/**
 * An SVG logo is shown to anyone, so it is parsed (strict XML subset, no DTD) and rebuilt from an
 * allow-list of drawing elements and attributes. Anything that can run script, load another
 * document or reach the network is refused; harmless editor extras (metadata, Inkscape
 * attributes) are dropped. Pure: runs in the browser (instant feedback) and on the server.
 */

const SVG_NS = "http://www.w3.org/2000/svg";
const XLINK_NS = "http://www.w3.org/1999/xlink";
const XML_NS = "http://www.w3.org/XML/1998/namespace";

export const SVG_UNSAFE = "The SVG logo may contain only drawing: no scripts, links, embedded pages or external images";

export type SvgSanitized = { ok: true; svg: string } | { ok: false; reason: "not-svg" | "unsafe" };

const DRAWING = [
  "svg",
  "g",
  "defs",
  "symbol",
  "use",
  "title",
  "desc",
  "path",
  "rect",
  "circle",
  "ellipse",
  "line",
  "polyline",
  "polygon",
  "text",
  "tspan",
  "textPath",
  "linearGradient",
  "radialGradient",
  "stop",
  "clipPath",
  "mask",
  "pattern",
  "marker",
  "style",
  "filter",
  "feBlend",
  "feColorMatrix",
  "feComponentTransfer",
  "feComposite",
  "feDropShadow",
  "feFlood",
  "feFuncA",
  "feFuncB",
  "feFuncG",
  "feFuncR",
  "feGaussianBlur",
  "feMerge",
  "feMergeNode",
  "feMorphology",
  "feOffset",
];
const ELEMENTS = new Set(DRAWING);

/** Elements whose presence means the file is trying to do more than draw: refused, not dropped. */
const HOSTILE = new Set(["script", "foreignobject", "iframe", "object", "embed", "handler", "listener"]);

/** Elements that only carry editor data; dropped with their content. */
const DROPPED = new Set(["metadata", "namedview"]);

const ATTRIBUTES = new Set(
  (
    "id class style transform d x y x1 y1 x2 y2 cx cy r rx ry fx fy fr width height viewBox preserveAspectRatio " +
    "points pathLength fill fill-opacity fill-rule stroke stroke-width stroke-opacity stroke-linecap stroke-linejoin " +
    "stroke-miterlimit stroke-dasharray stroke-dashoffset opacity color display visibility overflow clip-path " +
    "clip-rule mask filter font-family font-size font-weight font-style font-variant font-stretch text-anchor " +
    "dominant-baseline alignment-baseline baseline-shift letter-spacing word-spacing text-decoration writing-mode " +
    "dx dy rotate textLength lengthAdjust startOffset offset stop-color stop-opacity gradientUnits gradientTransform " +
    "spreadMethod patternUnits patternContentUnits patternTransform clipPathUnits maskUnits maskContentUnits " +
    "markerWidth markerHeight markerUnits refX refY orient marker-start marker-mid marker-end filterUnits " +
    "primitiveUnits stdDeviation in in2 result mode operator k1 k2 k3 k4 values type tableValues slope intercept " +
    "amplitude exponent flood-color flood-opacity radius color-interpolation color-interpolation-filters " +
    "vector-effect paint-order shape-rendering text-rendering image-rendering isolation mix-blend-mode version " +
    "role aria-label aria-hidden lang href"
  ).split(" "),
);

const MAX_DEPTH = 64;
const NAME = /^[A-Za-z_][\w.-]*(?::[A-Za-z_][\w.-]*)?$/;
const PREDEFINED: Record<string, string> = { lt: "<", gt: ">", amp: "&", quot: '"', apos: "'" };

interface Element {
  name: string; // local name
  ns: string | null;
  attrs: { name: string; ns: string | null; value: string }[];
  children: Node[];
}
type Node = Element | { text: string };

class Refused extends Error {
  constructor(readonly reason: "not-svg" | "unsafe") {
    super(reason);
  }
}

/** Text and attribute values: the five XML entities and character references, nothing else. */
function decode(raw: string): string {
  return raw.replace(/&([^;&\s]*);?/g, (whole, ref: string) => {
    if (!whole.endsWith(";")) throw new Refused("not-svg");
    if (ref in PREDEFINED) return PREDEFINED[ref]!;
    const m = /^#(?:x([0-9a-fA-F]{1,6})|([0-9]{1,7}))$/.exec(ref);
    if (!m) throw new Refused("unsafe"); // a named entity needs a DTD: refused
    const code = m[1] ? Number.parseInt(m[1], 16) : Number(m[2]);
    if (code === 0 || code > 0x10ffff) throw new Refused("not-svg");
    return String.fromCodePoint(code);
  });
}

function parse(text: string): Element {
  let i = 0;
  const fail = (reason: "not-svg" | "unsafe" = "not-svg"): never => {
    throw new Refused(reason);
  };
  const skipSpace = () => {
    while (i < text.length && /\s/.test(text[i]!)) i++;
  };
  const readName = () => {
    const m = /^[A-Za-z_][\w.:-]*/.exec(text.slice(i, i + 200));
    if (!m || !NAME.test(m[0])) fail();
    i += m![0].length;
    return m![0];
  };
  /** Comments and the XML declaration are skipped; DTDs, entities and other instructions refused. */
  const skipMisc = (): boolean => {
    if (text.startsWith("<!--", i)) {
      const end = text.indexOf("-->", i + 4);
      if (end < 0) fail();
      i = end + 3;
      return true;
    }
    if (text.startsWith("<?", i)) {
      const end = text.indexOf("?>", i + 2);
      if (end < 0) fail();
      // Only the XML declaration; <?xml-stylesheet …?> would load a style sheet.
      if (!/^<\?xml\s/.test(text.slice(i, i + 6)) || i > 0) fail("unsafe");
      i = end + 2;
      return true;
    }
    if (text.startsWith("<!", i) && !text.startsWith("<![CDATA[", i)) fail("unsafe"); // DOCTYPE, ENTITY
    return false;
  };

  function element(scope: Map<string, string>, depth: number): Element {
    if (depth > MAX_DEPTH) fail("unsafe"); // no logo nests this deep; recursion must stay bounded
    i++; // <
    const qname = readName();
    const raw: { name: string; value: string }[] = [];
    for (;;) {
      const before = i;
      skipSpace();
      if (text.startsWith("/>", i) || text[i] === ">") break;
      if (i === before) fail(); // attributes must be separated by white space
      const name = readName();
      skipSpace();
      if (text[i] !== "=") fail();
      i++;
      skipSpace();
      const quote = text[i];
      if (quote !== '"' && quote !== "'") fail();
      const end = text.indexOf(quote!, i + 1);
      if (end < 0) fail();
      const value = text.slice(i + 1, end);
      if (value.includes("<")) fail();
      if (raw.some((a) => a.name === name)) fail();
      raw.push({ name, value: decode(value) });
      i = end + 1;
    }
    const inner = new Map(scope);
    for (const a of raw) {
      if (a.name === "xmlns") inner.set("", a.value);
      else if (a.name.startsWith("xmlns:")) inner.set(a.name.slice(6), a.value);
    }
    const resolve = (q: string, isAttr: boolean): { ns: string | null; local: string } => {
      const colon = q.indexOf(":");
      if (colon < 0) return { ns: isAttr ? null : (inner.get("") ?? null), local: q };
      const prefix = q.slice(0, colon);
      if (prefix === "xml") return { ns: XML_NS, local: q.slice(colon + 1) };
      const ns = inner.get(prefix);
      if (ns === undefined) fail(); // an unbound prefix is not well-formed XML
      return { ns: ns!, local: q.slice(colon + 1) };
    };
    const { ns, local } = resolve(qname, false);
    const el: Element = {
      name: local,
      ns,
      attrs: raw
        .filter((a) => a.name !== "xmlns" && !a.name.startsWith("xmlns:"))
        .map((a) => {
          const r = resolve(a.name, true);
          return { name: r.local, ns: r.ns, value: a.value };
        }),
      children: [],
    };
    if (text.startsWith("/>", i)) {
      i += 2;
      return el;
    }
    i++; // >
    for (;;) {
      if (i >= text.length) fail();
      if (text.startsWith("</", i)) {
        i += 2;
        if (readName() !== qname) fail();
        skipSpace();
        if (text[i] !== ">") fail();
        i++;
        return el;
      }
      if (text.startsWith("<![CDATA[", i)) {
        const end = text.indexOf("]]>", i + 9);
        if (end < 0) fail();
        el.children.push({ text: text.slice(i + 9, end) });
        i = end + 3;
      } else if (text[i] === "<") {
        if (!skipMisc()) el.children.push(element(inner, depth + 1));
      } else {
        const end = text.indexOf("<", i);
        if (end < 0) fail();
        el.children.push({ text: decode(text.slice(i, end)) });
        i = end;
      }
    }
  }

  for (;;) {
    skipSpace();
    if (i >= text.length) fail();
    if (!skipMisc()) break;
  }
  if (text[i] !== "<") fail();
  const root = element(new Map(), 0);
  for (;;) {
    skipSpace();
    if (i >= text.length) break;
    if (!skipMisc()) fail();
  }
  return root;
}

/** A CSS text may reference only this document's own fragments (url(#id)) and load nothing. */
function checkCss(css: string): void {
  // Undo CSS escapes first (u\72l( is url(), and comments can split words.
  const flat = css
    .replace(/\/\*[\s\S]*?\*\//g, "")
    .replace(/\\([0-9a-fA-F]{1,6})\s?/g, (_, hex: string) => {
      const code = Number.parseInt(hex, 16);
      return String.fromCodePoint(code > 0 && code <= 0x10ffff ? code : 0xfffd);
    })
    .replace(/\\(.)/g, "$1")
    .toLowerCase();
  if (/@import|expression\s*\(|javascript:|behavior\s*:|-moz-binding|image-set\s*\(|image\s*\(/.test(flat)) {
    throw new Refused("unsafe");
  }
  for (const m of flat.matchAll(/url\s*\(\s*(['"]?)([^'")]*)/g)) {
    if (!/^#[\w.:-]+$/.test(m[2]!.trim())) throw new Refused("unsafe");
  }
}

const isLocalRef = (v: string) => /^#[\w.:-]+$/.test(v.trim());

function clean(el: Element, depth: number): Element | null {
  const local = el.name.toLowerCase();
  if (HOSTILE.has(local) || local.startsWith("animate") || local === "set") throw new Refused("unsafe");
  if (el.ns !== SVG_NS && el.ns !== null) {
    if (el.ns === "http://www.w3.org/1999/xhtml" || el.ns.includes("mathml")) throw new Refused("unsafe");
    return null; // editor namespaces (Inkscape, Sodipodi, RDF): drop
  }
  if (DROPPED.has(local) || !ELEMENTS.has(el.name)) {
    if (["a", "image", "feimage", "view", "cursor", "font-face-uri"].includes(local)) throw new Refused("unsafe");
    return null;
  }
  const attrs: Element["attrs"] = [];
  for (const a of el.attrs) {
    if (/^on/i.test(a.name)) throw new Refused("unsafe");
    if (/javascript:|vbscript:|data:/i.test(a.value.replace(/[\p{Cc}\s]+/gu, ""))) throw new Refused("unsafe");
    const isXlinkHref = a.ns === XLINK_NS && a.name === "href";
    if (a.name === "href" && (a.ns === null || isXlinkHref)) {
      if (!isLocalRef(a.value)) throw new Refused("unsafe");
      attrs.push({ name: "href", ns: null, value: a.value.trim() });
      continue;
    }
    if (a.ns === XML_NS && a.name === "space") {
      attrs.push(a);
      continue;
    }
    if (a.ns !== null || !ATTRIBUTES.has(a.name)) continue; // editor attributes and unknown extras
    if (a.name === "style" || /url\s*\(/i.test(a.value)) checkCss(a.value);
    attrs.push(a);
  }
  const children: Node[] = [];
  for (const c of el.children) {
    if ("text" in c) {
      if (local === "style") checkCss(c.text);
      children.push(c);
    } else {
      const kept = clean(c, depth + 1);
      if (kept) children.push(kept);
    }
  }
  return { name: el.name, ns: SVG_NS, attrs, children };
}

const escText = (s: string) => s.replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;");
const escAttr = (s: string) => escText(s).replace(/"/g, "&quot;");

function serialize(el: Element, root: boolean): string {
  const attrs = el.attrs.map((a) => ` ${a.ns === XML_NS ? "xml:" : ""}${a.name}="${escAttr(a.value)}"`).join("");
  const open = `<${el.name}${root ? ` xmlns="${SVG_NS}"` : ""}${attrs}`;
  if (!el.children.length) return `${open}/>`;
  const inner = el.children.map((c) => ("text" in c ? escText(c.text) : serialize(c, false))).join("");
  return `${open}>${inner}</${el.name}>`;
}

/** Parses `text` as SVG and returns it rebuilt from allowed parts only, or why it was refused. */
export function sanitizeSvg(text: string): SvgSanitized {
  try {
    const root = parse(text.replace(/^\uFEFF/, ""));
    if (root.name !== "svg" || (root.ns !== SVG_NS && root.ns !== null)) return { ok: false, reason: "not-svg" };
    const cleaned = clean(root, 0)!;
    return { ok: true, svg: serialize(cleaned, true) };
  } catch (error) {
    if (error instanceof Refused) return { ok: false, reason: error.reason };
    throw error;
  }
}
