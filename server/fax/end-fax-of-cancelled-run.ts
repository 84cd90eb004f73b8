/**
 * What cancelling a send-fax run (the Jobs page) means for its fax — the same as a person's own
 * cancel (cancel-fax.ts): a fax that is queued or waiting to retry ends at once as Cancelled and
 * forgets the gateway's copy of its document key; one on a call gets a cancel request, which the
 * call step passes to the gateway (it hangs up) and records as Cancelled.
 *
 * Unlike a person's cancel, the run that would have recorded the call's end may be gone (it stops
 * after the step it was in). So the handler looks again (`settle`) until the fax has ended, and ends
 * it itself — closing the open attempt, which would otherwise hold a trunk channel — once no call
 * is on the line (`placed` false: nobody will dial now, place-fax-call sees the request first) or
 * the call has had long enough to hang up. Each call runs in its step's transaction.
 */
import { at } from "../db/raw-query";
import type { StepDb } from "../db/system-db";

export type CancelledRunFax = "ended" | "hanging up";

/** How many looks a call on the line gets to hang up before the fax is ended anyway. */
export const MAX_HANG_UP_LOOKS = 24;

const ENDED = ["SENT", "FAILED", "CANCELLED"];

export async function endFaxOfCancelledRun(opts: {
  /** The step's own transaction: unscoped, so each query names the fax. */
  db: StepDb;
  faxJobId: string;
  now: Date;
  /** 0 when the run was just cancelled; then how many times the handler has looked again. */
  look: number;
}): Promise<CancelledRunFax> {
  const { db, faxJobId, now, look } = opts;
  // Row lock: the send job's steps take the same lock, so each sees the other's write whole.
  const { rows } = await db.query<{ status: string }>(`SELECT status::text FROM "FaxJob" WHERE id = $1 FOR UPDATE`, [
    faxJobId,
  ]);
  const job = rows[0];
  if (!job || ENDED.includes(job.status)) return "ended";
  if (job.status === "IN_PROGRESS") {
    const { rows: open } = await db.query<{ placed: boolean }>(
      `SELECT "dialedAt" IS NOT NULL AS placed FROM "FaxAttempt" WHERE "faxJobId" = $1 AND "endedAt" IS NULL`,
      [faxJobId],
    );
    const onTheLine = open.some((a) => a.placed);
    const waitLonger = look === 0 || (onTheLine && look < MAX_HANG_UP_LOOKS);
    if (waitLonger) {
      await db.query(`UPDATE "FaxJob" SET "cancelRequestedAt" = coalesce("cancelRequestedAt", $2) WHERE id = $1`, [
        faxJobId,
        at(now),
      ]);
      return "hanging up";
    }
    await db.query(
      `UPDATE "FaxAttempt" SET status = 'CANCELLED', "failureReason" = 'CANCELLED', "endedAt" = $2
       WHERE "faxJobId" = $1 AND "endedAt" IS NULL`,
      [faxJobId, at(now)],
    );
  }
  await db.query(
    `UPDATE "FaxJob" SET status = 'CANCELLED', "failureReason" = 'CANCELLED', "callState" = NULL, "currentPage" = NULL,
       "nextAttemptAt" = NULL, "cancelRequestedAt" = coalesce("cancelRequestedAt", $2),
       "cancelledAt" = coalesce("cancelledAt", $2), "completedAt" = $2,
       "gatewaySealedKey" = NULL -- the job ends here: forget the document key
     WHERE id = $1`,
    [faxJobId, at(now)],
  );
  return "ended";
}
