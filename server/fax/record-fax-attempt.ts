/**
 * Records how an attempt ended and what the job does next, in the transaction that stores the call
 * step's result: Delivered, Cancelled, failed for good (not worth retrying, or the last attempt),
 * or waiting to retry after the policy's spacing. A job that ends forgets its document key.
 */
import { describeOutcome } from "@/lib/fax-statuses";
import { at } from "../db/raw-query";
import type { StepDb } from "../db/system-db";
import type { FaxCallResult } from "../gateway/types";

export type AttemptDecision =
  | { kind: "ended"; status: "SENT" | "FAILED" | "CANCELLED" }
  | { kind: "retry"; ms: number };

export async function recordFaxAttempt(opts: {
  /** The step's own transaction: unscoped, so each query names the fax. */
  db: StepDb;
  attemptId: string;
  result: FaxCallResult;
  answeredAt: Date | null;
  now: Date;
}): Promise<AttemptDecision> {
  const { db, attemptId, result, now } = opts;
  const { rows: attempts } = await db.query<{ faxJobId: string; attemptNumber: number }>(
    `SELECT "faxJobId", "attemptNumber" FROM "FaxAttempt" WHERE id = $1`,
    [attemptId],
  );
  const { faxJobId, attemptNumber } = attempts[0]!;
  const { rows: jobs } = await db.query<{
    status: string;
    cancelRequestedAt: Date | null;
    maxRetries: number;
    retryIntervalSeconds: number;
  }>(
    `SELECT status::text, "cancelRequestedAt", "maxRetries", "retryIntervalSeconds" FROM "FaxJob" WHERE id = $1 FOR UPDATE`,
    [faxJobId],
  );
  const job = jobs[0]!;
  const sent = result.outcome === "SENT";
  await db.query(
    `UPDATE "FaxAttempt" SET "endedAt" = $2, status = $3::"FaxStatus", "failureReason" = $4, "resultCode" = $5,
       "resultText" = $6, "pagesSent" = $7, "totalPages" = $8, "durationMs" = $9, "bitRate" = $10,
       "remoteStationId" = $11, "hangupCause" = $12, "answeredAt" = coalesce("answeredAt", $13)
     WHERE id = $1`,
    [
      attemptId,
      at(now),
      sent ? "SENT" : result.outcome === "CANCELLED" ? "CANCELLED" : "FAILED",
      sent ? null : result.outcome,
      result.resultCode,
      result.resultText.slice(0, 500),
      result.pagesSent,
      result.totalPages,
      Math.round(result.durationMs),
      result.bitRate,
      result.remoteStationId,
      result.hangupCause,
      opts.answeredAt ? at(opts.answeredAt) : null,
    ],
  );
  const end = async (status: "SENT" | "FAILED" | "CANCELLED", reason: string | null) => {
    await db.query(
      `UPDATE "FaxJob" SET status = $2::"FaxStatus", "failureReason" = $3, "attemptsMade" = $4, "callState" = NULL,
         "currentPage" = NULL, "nextAttemptAt" = NULL, "completedAt" = $5,
         "cancelledAt" = CASE WHEN $2 = 'CANCELLED' THEN coalesce("cancelledAt", $5) ELSE "cancelledAt" END,
         pages = coalesce($6, pages), "gatewaySealedKey" = NULL
       WHERE id = $1`,
      [faxJobId, status, reason, attemptNumber, at(now), result.totalPages],
    );
    return { kind: "ended", status } as const;
  };
  if (sent) return end("SENT", null);
  if (result.outcome === "CANCELLED" || job.cancelRequestedAt || job.status === "CANCELLED") {
    return end("CANCELLED", "CANCELLED");
  }
  if (!describeOutcome(result.outcome).retryable || attemptNumber >= job.maxRetries + 1) {
    return end("FAILED", result.outcome);
  }
  const ms = job.retryIntervalSeconds * 1_000;
  await db.query(
    `UPDATE "FaxJob" SET status = 'QUEUED', "failureReason" = $2, "attemptsMade" = $3, "callState" = 'RETRY_WAIT',
       "currentPage" = NULL, "nextAttemptAt" = $4, pages = coalesce($5, pages) WHERE id = $1`,
    [faxJobId, result.outcome, attemptNumber, at(new Date(now.getTime() + ms)), result.totalPages],
  );
  return { kind: "retry", ms };
}
