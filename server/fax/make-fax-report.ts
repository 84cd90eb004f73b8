/**
 * The transmission report of a fax that has ended, made by the send job on the gateway side — the
 * only place the fax pages are ever plaintext. The PDF (the call's facts and a reduced first page)
 * is encrypted under a fresh random key R, stored next to the documents as ciphertext, and R is
 * sealed to the organisation's public key and to the sender's public key *as it was when they sent*
 * (FaxJob.senderPublicKey) — never to a key set on their account since, which whoever set their
 * password could hold; a reset sender gets their copy through Grant (regrant-documents.ts).
 * R is zeroed afterwards. Running it again (a step re-run after a crash) replaces the report.
 */
import path from "node:path";
import { Readable } from "node:stream";
import { encryptContent, fromBase64, loadSodium, newDocumentKey, sealDocumentKey } from "@/lib/crypto";
import { formatDateTime } from "@/lib/dates/format-date-time";
import { explainOutcome } from "@/lib/fax-job-status";
import { at } from "../db/raw-query";
import type { StepDb } from "../db/system-db";
import { faxReportKey } from "../document/document-storage-keys";
import { runTool } from "../gateway/convert/run-tool";
import type { ObjectStorage } from "../storage/object-storage";
import { type ReportImage, type ReportLine, writeReportPdf } from "./write-report-pdf";

/** The reduced first page: A4 proportions whatever the fax resolution (standard's pixels are twice as tall). */
export const FIRST_PAGE_SIZE = { width: 496, height: 702 };

/**
 * Renders page 1 of the fax TIFF as a small greyscale JPEG, in the call's private directory (wiped
 * with it; the tool runs sandboxed on that directory alone). Null if the tool fails: the report then says the image could not be made.
 */
export async function reduceFirstPage(tiffPath: string): Promise<Uint8Array | null> {
  const dir = path.dirname(tiffPath);
  const out = path.join(dir, "first-page.jpg");
  const { width, height } = FIRST_PAGE_SIZE;
  try {
    const run = await runTool(
      "convert",
      [`${tiffPath}[0]`, "-resize", `${width}x${height}!`, "-colorspace", "Gray", "-quality", "80", `jpeg:${out}`],
      { jobDir: dir, timeoutMs: 30_000 },
    );
    if (run.code !== 0) return null;
    const { readFile } = await import("node:fs/promises");
    return new Uint8Array(await readFile(out));
  } catch {
    return null;
  }
}

type JobFacts = {
  id: string;
  tenantId: string;
  toNumber: string;
  callerId: string | null;
  status: string;
  failureReason: string | null;
  pages: number | null;
  submittedAt: Date;
  completedAt: Date | null;
  documentId: string | null;
  reportKey: string | null;
  userPublicKey: string | null;
  senderName: string | null;
  tenantName: string;
  tenantPublicKey: string | null;
  timeZone: string;
};

type AttemptFacts = {
  attemptNumber: number;
  answeredAt: Date | null;
  endedAt: Date | null;
  pagesSent: number;
  totalPages: number | null;
  durationMs: number | null;
  bitRate: number | null;
  remoteStationId: string | null;
};

/** Makes, encrypts, stores and records the report of a fax that has ended. Returns false if it has not. */
export async function makeFaxReport(opts: {
  /** The step's own transaction: unscoped, so each query names the fax. */
  db: StepDb;
  storage: ObjectStorage;
  faxJobId: string;
  firstPage: Uint8Array | null;
  now: Date;
  /** Leave a report already made alone (a run that finds the fax already ended). */
  ifMissing?: boolean;
}): Promise<boolean> {
  const { db, faxJobId } = opts;
  const { rows } = await db.query<JobFacts>(
    `SELECT j.id, j."tenantId", j."toNumber", j."callerId", j.status::text, j."failureReason", j.pages,
            j."submittedAt", j."completedAt", j."documentId", j."reportKey",
            j."senderPublicKey" AS "userPublicKey",
            coalesce(nullif(trim(coalesce(u."firstName", '') || ' ' || coalesce(u."lastName", '')), '') || ' (' || u.username || ')',
                     u.username) AS "senderName",
            t.name AS "tenantName", t."publicKey" AS "tenantPublicKey", t."timeZone"
       FROM "FaxJob" j JOIN "Tenant" t ON t.id = j."tenantId" LEFT JOIN "User" u ON u.id = j."userId"
      WHERE j.id = $1`,
    [faxJobId],
  );
  const job = rows[0];
  if (!job || !["SENT", "FAILED", "CANCELLED"].includes(job.status)) return false;
  if (opts.ifMissing && job.reportKey) return false;
  const { rows: attempts } = await db.query<AttemptFacts>(
    `SELECT "attemptNumber", "answeredAt", "endedAt", "pagesSent", "totalPages", "durationMs", "bitRate",
            "remoteStationId"
       FROM "FaxAttempt" WHERE "faxJobId" = $1 ORDER BY "attemptNumber" DESC LIMIT 1`,
    [faxJobId],
  );
  const last = attempts[0] ?? null;
  const pdf = writeReportPdf(...reportContent(job, last, opts.firstPage));

  const reportKey = newDocumentKey();
  const key = await reportKey;
  try {
    const storageKey = faxReportKey(job.tenantId, job.id);
    await opts.storage.put(storageKey, Readable.from(encryptContent(key, [pdf])));
    const forUser = job.userPublicKey ? await sealDocumentKey(key, await fromBase64(job.userPublicKey)) : null;
    const forTenant = job.tenantPublicKey ? await sealDocumentKey(key, await fromBase64(job.tenantPublicKey)) : null;
    await db.query(
      `UPDATE "FaxJob" SET "reportKey" = $2, "reportSealedForUser" = $3, "reportSealedForTenant" = $4,
         "reportMadeAt" = $5, "senderPublicKey" = $6 WHERE id = $1`,
      [
        job.id,
        storageKey,
        forUser ? Buffer.from(forUser) : null,
        forTenant ? Buffer.from(forTenant) : null,
        at(opts.now),
        job.userPublicKey,
      ],
    );
  } finally {
    (await loadSodium()).memzero(key);
  }
  return true;
}

function reportContent(
  job: JobFacts,
  last: AttemptFacts | null,
  firstPage: Uint8Array | null,
): [ReportLine[], ReportImage | null, string] {
  const when = (date: Date | null) => (date ? formatDateTime(date, { timeZone: job.timeZone, seconds: true }) : "-");
  const outcome = explainOutcome(job.status === "SENT" ? "SENT" : job.failureReason);
  const result = job.status === "SENT" ? "Delivered" : (outcome?.label ?? "Failed");
  const total = last?.totalPages ?? job.pages;
  const seconds = last?.durationMs != null ? `${(last.durationMs / 1000).toFixed(1)} s` : "-";
  const lines: ReportLine[] = [
    { text: "Fax transmission report", bold: true, size: 18 },
    { text: job.tenantName, size: 12 },
    { text: "" },
    { text: `Date and time: ${when(last?.endedAt ?? job.completedAt)}` },
    { text: `Submitted: ${when(job.submittedAt)}` },
    { text: `Sender: ${job.senderName ?? "(account removed)"}` },
    { text: `Caller ID: ${job.callerId ?? "-"}` },
    { text: `Destination: ${job.toNumber}` },
    { text: `Remote station ID: ${last?.remoteStationId?.trim() || "-"}` },
    { text: `Pages sent: ${last?.pagesSent ?? 0} of ${total ?? "?"}` },
    { text: `Duration: ${seconds}` },
    { text: `Bit rate: ${last?.bitRate ? `${last.bitRate} bit/s` : "-"}` },
    { text: `Attempts: ${last?.attemptNumber ?? 0}` },
    { text: `Result: ${result}`, bold: true },
  ];
  if (outcome) lines.push({ text: outcome.explanation });
  lines.push({ text: `Fax reference: ${job.id}`, size: 8 });
  const caption = firstPage
    ? "First page (reduced)"
    : !last
      ? "First page: not shown - the fax was never dialled."
      : job.documentId
        ? "First page: the image could not be made."
        : "First page: not available - the document was deleted before the fax ended.";
  const image = firstPage ? { jpeg: firstPage, ...FIRST_PAGE_SIZE, gray: true } : null;
  return [lines, image, caption];
}
