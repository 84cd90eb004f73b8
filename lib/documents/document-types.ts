/**
 * The document types a fax can be made from (FEATURES.md 35), what names and MIME types may claim them,
 * and which tool turns each into a PDF.
 */
export type DocumentType =
  | "pdf"
  | "tiff"
  | "png"
  | "jpeg"
  | "gif"
  | "docx"
  | "xlsx"
  | "pptx"
  | "odt"
  | "ods"
  | "odp"
  | "doc"
  | "xls"
  | "ppt"
  | "vsd"
  | "rtf"
  | "txt";

export type Route = "pdf" | "image" | "office";

type TypeInfo = { label: string; extensions: string[]; mimeTypes: string[]; route: Route; discouraged?: boolean };

export const DOCUMENT_TYPES: Record<DocumentType, TypeInfo> = {
  pdf: { label: "PDF", extensions: ["pdf"], mimeTypes: ["application/pdf", "application/x-pdf"], route: "pdf" },
  tiff: { label: "TIFF image", extensions: ["tif", "tiff"], mimeTypes: ["image/tiff"], route: "image" },
  png: { label: "PNG image", extensions: ["png"], mimeTypes: ["image/png"], route: "image", discouraged: true },
  jpeg: {
    label: "JPEG image",
    extensions: ["jpg", "jpeg", "jpe"],
    mimeTypes: ["image/jpeg", "image/pjpeg"],
    route: "image",
    discouraged: true,
  },
  gif: { label: "GIF image", extensions: ["gif"], mimeTypes: ["image/gif"], route: "image", discouraged: true },
  docx: {
    label: "Word document (DOCX)",
    extensions: ["docx"],
    mimeTypes: ["application/vnd.openxmlformats-officedocument.wordprocessingml.document"],
    route: "office",
  },
  xlsx: {
    label: "Excel workbook (XLSX)",
    extensions: ["xlsx"],
    mimeTypes: ["application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"],
    route: "office",
  },
  pptx: {
    label: "PowerPoint presentation (PPTX)",
    extensions: ["pptx"],
    mimeTypes: ["application/vnd.openxmlformats-officedocument.presentationml.presentation"],
    route: "office",
  },
  odt: {
    label: "OpenDocument text (ODT)",
    extensions: ["odt"],
    mimeTypes: ["application/vnd.oasis.opendocument.text"],
    route: "office",
  },
  ods: {
    label: "OpenDocument spreadsheet (ODS)",
    extensions: ["ods"],
    mimeTypes: ["application/vnd.oasis.opendocument.spreadsheet"],
    route: "office",
  },
  odp: {
    label: "OpenDocument presentation (ODP)",
    extensions: ["odp"],
    mimeTypes: ["application/vnd.oasis.opendocument.presentation"],
    route: "office",
  },
  doc: {
    label: "Word 97–2003 document (DOC)",
    extensions: ["doc"],
    mimeTypes: ["application/msword"],
    route: "office",
  },
  xls: {
    label: "Excel 97–2003 workbook (XLS)",
    extensions: ["xls"],
    mimeTypes: ["application/vnd.ms-excel"],
    route: "office",
  },
  ppt: {
    label: "PowerPoint 97–2003 presentation (PPT)",
    extensions: ["ppt"],
    mimeTypes: ["application/vnd.ms-powerpoint"],
    route: "office",
  },
  vsd: {
    label: "Visio drawing (VSD)",
    extensions: ["vsd"],
    mimeTypes: ["application/vnd.visio", "application/vnd.ms-visio.drawing"],
    route: "office",
  },
  rtf: { label: "Rich Text (RTF)", extensions: ["rtf"], mimeTypes: ["application/rtf", "text/rtf"], route: "office" },
  txt: { label: "plain text", extensions: ["txt", "text"], mimeTypes: ["text/plain"], route: "office" },
};

/** MIME types that commit to nothing: browsers send them when they do not know. */
const NON_COMMITTAL = new Set(["", "application/octet-stream", "binary/octet-stream"]);
const ZIP_MIME = new Set(["application/zip", "application/x-zip-compressed"]);
const ZIP_BASED = new Set<DocumentType>(["docx", "xlsx", "pptx", "odt", "ods", "odp"]);

export function extensionOf(name: string): string {
  const dot = name.lastIndexOf(".");
  return dot < 0 ? "" : name.slice(dot + 1).toLowerCase();
}

/** null when the declared name and type agree with what the bytes are; otherwise the reason. */
export function declaredMismatch(actual: DocumentType, declaredName: string, declaredType: string | undefined) {
  const info = DOCUMENT_TYPES[actual];
  const ext = extensionOf(declaredName);
  if (!info.extensions.includes(ext)) {
    const claimed = Object.values(DOCUMENT_TYPES).find((t) => t.extensions.includes(ext));
    return claimed
      ? `The file is named “${declaredName}” (${claimed.label}) but it is a ${info.label}.`
      : `The file is a ${info.label} but is named “${declaredName}”; rename it to .${info.extensions[0]}.`;
  }
  const mime = (declaredType ?? "").split(";")[0]!.trim().toLowerCase();
  if (NON_COMMITTAL.has(mime) || (ZIP_BASED.has(actual) && ZIP_MIME.has(mime))) return null;
  if (!info.mimeTypes.includes(mime)) return `The file was sent as “${mime}” but it is a ${info.label}.`;
  return null;
}
