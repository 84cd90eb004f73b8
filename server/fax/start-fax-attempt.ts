/**
 * The first step of every attempt, in the transaction that records the step: look at the job (a
 * cancelled or finished job dials no more), pick a trunk with a free channel and room in its
 * calls-per-minute window, and create the attempt row (the CDR line) on it. Trunks are checked
 * under a per-trunk advisory lock, so two runs never take the same last channel.
 */
import { at } from "../db/raw-query";
import type { StepDb } from "../db/system-db";
import type { SendFaxRuntime } from "./send-fax-runtime";

export type StartAttemptResult =
  | { kind: "ended"; status: string }
  | { kind: "wait"; ms: number; reason: string }
  | { kind: "dial"; attemptId: string };

const MINUTE = 60_000;
/** An attempt open longer than this is not holding a channel any more (its run was lost). */
const STALE_CALL_MS = 2 * 3_600_000;

export async function startFaxAttempt(opts: {
  /** The step's own transaction: unscoped, so each query names the fax. */
  db: StepDb;
  runtime: SendFaxRuntime;
  faxJobId: string;
  attemptNumber: number;
}): Promise<StartAttemptResult> {
  const { db, runtime, faxJobId, attemptNumber } = opts;
  const now = runtime.now();
  const { rows: jobs } = await db.query<{
    tenantId: string;
    status: string;
    toNumber: string;
    callerId: string | null;
  }>(`SELECT "tenantId", status::text, "toNumber", "callerId" FROM "FaxJob" WHERE id = $1 FOR UPDATE`, [faxJobId]);
  const job = jobs[0];
  if (!job) return { kind: "ended", status: "DELETED" };
  if (job.status !== "QUEUED" && job.status !== "IN_PROGRESS") return { kind: "ended", status: job.status };
  const { rows: existing } = await db.query<{ id: string }>(
    `SELECT id FROM "FaxAttempt" WHERE "faxJobId" = $1 AND "attemptNumber" = $2`,
    [faxJobId, attemptNumber],
  );
  if (existing[0]) return { kind: "dial", attemptId: existing[0].id };

  const { rows: trunks } = await db.query<{ id: string; maxChannels: number; maxCallsPerMinute: number }>(
    `SELECT id, "maxChannels", "maxCallsPerMinute" FROM "Trunk" WHERE active ORDER BY name, id`,
  );
  if (!trunks.length) {
    await db.query(
      `UPDATE "FaxJob" SET status = 'FAILED', "failureReason" = 'GENERAL_ERROR', "callState" = NULL,
         "completedAt" = $2, "gatewaySealedKey" = NULL WHERE id = $1`,
      [faxJobId, at(now)],
    );
    return { kind: "ended", status: "FAILED" };
  }
  let waitMs = Number.POSITIVE_INFINITY;
  let reason = "";
  for (const trunk of trunks) {
    await db.query(`SELECT pg_advisory_xact_lock(hashtextextended($1, 0))`, [`fax-trunk:${trunk.id}`]);
    const { rows } = await db.query<{ active: number; recent: number; oldest: Date | null }>(
      `SELECT count(*) FILTER (WHERE "endedAt" IS NULL AND status = 'IN_PROGRESS' AND "startedAt" > $3)::int AS active,
              count(*) FILTER (WHERE "startedAt" > $2)::int AS recent,
              min("startedAt") FILTER (WHERE "startedAt" > $2) AS oldest
       FROM "FaxAttempt" WHERE "trunkId" = $1 AND "startedAt" > $3`,
      [trunk.id, at(new Date(now.getTime() - MINUTE)), at(new Date(now.getTime() - STALE_CALL_MS))],
    );
    const usage = rows[0]!;
    if (usage.active >= trunk.maxChannels) {
      if (runtime.trunkWaitMs < waitMs) [waitMs, reason] = [runtime.trunkWaitMs, "every channel is in use"];
      continue;
    }
    if (usage.recent >= trunk.maxCallsPerMinute) {
      const free = Math.max(1_000, (usage.oldest?.getTime() ?? now.getTime()) + MINUTE - now.getTime());
      if (free < waitMs) [waitMs, reason] = [free, "the trunk's calls-per-minute limit"];
      continue;
    }
    const { rows: created } = await db.query<{ id: string }>(
      `INSERT INTO "FaxAttempt" (id, "tenantId", "faxJobId", "attemptNumber", "trunkId", "startedAt", status,
         "toNumber", "callerId")
       VALUES (gen_random_uuid(), $1, $2, $3, $4, $5, 'IN_PROGRESS', $6, $7) RETURNING id`,
      [job.tenantId, faxJobId, attemptNumber, trunk.id, at(now), job.toNumber, job.callerId],
    );
    await db.query(
      `UPDATE "FaxJob" SET status = 'IN_PROGRESS', "callState" = 'DIALING', "currentPage" = NULL,
         "nextAttemptAt" = NULL, "startedAt" = coalesce("startedAt", $2) WHERE id = $1`,
      [faxJobId, at(now)],
    );
    return { kind: "dial", attemptId: created[0]!.id };
  }
  return { kind: "wait", ms: waitMs, reason };
}
