/**
 * A fax's cover page: To, From, Subject, a note and the organisation's confidentiality notice, as a
 * one-page letter PDF. Made in the sender's browser, which encrypts it under the document's pages
 * key P (like the fax pages) before it leaves; only the gateway opens it, to send it first.
 */
import { z } from "zod";
import { LETTER, type TextLine, writeTextPagePdf } from "./pdf/text-page-pdf";
import { hasNoInvisibleChars, INVISIBLE_TEXT } from "./schemas/common";

export const DEFAULT_COVER_NOTICE =
  "CONFIDENTIALITY NOTICE: This fax may contain protected health information or other information that is " +
  "confidential, privileged or exempt from disclosure under applicable law. It is meant only for the person " +
  "named above. If you are not that person, you must not read, use, copy or pass on any of it. If you received " +
  "this fax in error, please tell the sender at once by telephone and destroy every page.";

export const COVER_FIELD_MAX = 200;
export const COVER_NOTE_MAX = 2000;
export const COVER_NOTICE_MAX = 1500;
/** Lines of note (or notice) a cover page has room for. */
const COVER_LINES_MAX = 20;

/** Text people type that may run over several lines: no invisible or direction-changing characters. */
const multilineText = z
  .string()
  .trim()
  .refine((v) => hasNoInvisibleChars(v.replace(/\r?\n/g, " ")), INVISIBLE_TEXT);
const line = (max: number) =>
  z.string().trim().max(max, `At most ${max} characters`).refine(hasNoInvisibleChars, INVISIBLE_TEXT);

/** The cover page as typed on New fax: checked in the browser only (the server never sees it). */
export const coverPageSchema = z.object({
  to: line(COVER_FIELD_MAX).min(1, "Say who the fax is for"),
  from: line(COVER_FIELD_MAX).min(1, "Say who the fax is from"),
  subject: line(COVER_FIELD_MAX),
  note: multilineText
    .pipe(z.string().max(COVER_NOTE_MAX, `The note is at most ${COVER_NOTE_MAX} characters`))
    .refine((v) => v.split("\n").length <= COVER_LINES_MAX, `The note fits the page in ${COVER_LINES_MAX} lines`),
});
export type CoverPage = z.infer<typeof coverPageSchema>;

/** The organisation's notice, set by its admins (empty: the default). */
export const coverNoticeSchema = z.object({
  notice: multilineText
    .pipe(z.string().max(COVER_NOTICE_MAX, `The notice is at most ${COVER_NOTICE_MAX} characters`))
    .refine((v) => v.split("\n").length <= COVER_LINES_MAX, `The notice fits the page in ${COVER_LINES_MAX} lines`),
});

export function coverPagePdf(opts: {
  cover: CoverPage;
  /** The organisation's notice (null: the default). */
  notice: string | null;
  /** Every page of the fax, this one included. */
  pages: number;
  /** When it is sent, as the organisation reads dates. */
  date: string;
}): Uint8Array {
  const { cover } = opts;
  const field = (label: string, value: string, gapBefore = 0): TextLine => ({
    text: `${label}  ${value}`,
    size: 13,
    gapBefore,
  });
  const lines: TextLine[] = [
    { text: "FAX", bold: true, size: 32 },
    field("To:", cover.to, 24),
    field("From:", cover.from, 4),
    ...(cover.subject ? [field("Subject:", cover.subject, 4)] : []),
    field("Date:", opts.date, 4),
    field("Pages:", `${opts.pages} (including this cover page)`, 4),
  ];
  const paragraphs = cover.note ? cover.note.split(/\r?\n/) : [];
  paragraphs.forEach((text, i) => {
    lines.push({ text, size: 12, gapBefore: i === 0 ? 28 : 2 });
  });
  const notice = opts.notice?.trim() || DEFAULT_COVER_NOTICE;
  notice.split(/\r?\n/).forEach((text, i) => {
    lines.push({ text, size: 9, gapBefore: i === 0 ? 40 : 2 });
  });
  return writeTextPagePdf({ lines, page: LETTER });
}

/** The cover page's date: when Send is pressed, in the organisation's time zone ("7 Dec 2026, 14:05"). */
export function coverDate(at: Date, timeZone: string): string {
  return new Intl.DateTimeFormat("en-GB", { timeZone, dateStyle: "medium", timeStyle: "short" }).format(at);
}
