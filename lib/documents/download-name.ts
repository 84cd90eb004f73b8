/**
 * The file name a document downloads under: the name people gave it, with the extension of its
 * detected type — a DOCX renamed "Quarterly report" (or "notes.txt") still saves as a .docx, so the
 * computer opens it with the right program. The MIME type goes with it for the same reason.
 */
import { DOCUMENT_TYPES, type DocumentType } from "./document-types";

const KNOWN_EXTENSIONS = new Set(Object.values(DOCUMENT_TYPES).flatMap((t) => t.extensions));

export function downloadName(name: string, kind: string): string {
  const type = DOCUMENT_TYPES[kind as DocumentType];
  const base = name.trim() || "document";
  if (!type) return base;
  const dot = base.lastIndexOf(".");
  const extension = dot > 0 ? base.slice(dot + 1).toLowerCase() : "";
  if (type.extensions.includes(extension)) return base;
  // Another document type's extension is a leftover of a rename: replace it, keep anything else.
  const stem = KNOWN_EXTENSIONS.has(extension) ? base.slice(0, dot) : base;
  return `${stem}.${type.extensions[0]}`;
}

/** The MIME type a download of this kind is saved as ("" when unknown: the browser decides). */
export function downloadMimeType(kind: string): string {
  return DOCUMENT_TYPES[kind as DocumentType]?.mimeTypes[0] ?? "";
}
