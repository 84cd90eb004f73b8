/**
 * What the Jobs page may see of a run: the one place job data leaves the server. Metadata only —
 * step outputs, event payloads and run results could carry document contents, so they never leave
 * the database: the SQL here reads their size in bytes and nothing else of them.
 */
import { Prisma } from "@prisma/client";

/** How the page names a run's state; "retrying" and "cancelling" are derived from the stored row. */
export type JobRunState =
  | "queued"
  | "retrying"
  | "running"
  | "cancelling"
  | "sleeping"
  | "waiting"
  | "completed"
  | "failed"
  | "cancelled";

export type JobStepKind = "run" | "sleep" | "wait" | "invoke" | "sendEvent";
export type JobStepState = "completed" | "failed" | "sleeping" | "waiting" | "retrying" | "stopped";

/** An error as shown: its name and the start of its message (never a stack). */
export interface JobErrorSummary {
  name: string;
  message: string;
}

export interface JobRunSummary {
  id: string;
  functionId: string;
  /** "failure": the function's onFailure handler. */
  kind: "main" | "failure";
  status: string;
  state: JobRunState;
  trigger: { event: string; cron: string | null };
  createdAt: Date;
  startedAt: Date | null;
  endedAt: Date | null;
  /** The attempt of the current step (1 = first try) and how many it may have. */
  attempt: number;
  maxAttempts: number;
  /** When a queued run is due (a retry's backoff end). */
  runAt: Date;
  error: JobErrorSummary | null;
  errorStep: string | null;
}

export interface JobStepView {
  id: string;
  name: string;
  kind: JobStepKind;
  state: JobStepState;
  attempts: number;
  startedAt: Date | null;
  endedAt: Date | null;
  sleepsUntil: Date | null;
  /** step.waitForEvent: the event waited for. */
  waitsFor: string | null;
  error: JobErrorSummary | null;
  outputBytes: number | null;
}

export interface JobRunDetail extends JobRunSummary {
  eventBytes: number;
  outputBytes: number | null;
  steps: JobStepView[];
}

/** The columns of a run the views are built from (SQL below). */
export interface RunRowView {
  id: string;
  functionId: string;
  kind: string;
  status: string;
  attempt: number;
  maxAttempts: number;
  runAt: Date;
  createdAt: Date;
  startedAt: Date | null;
  endedAt: Date | null;
  cancelRequestedAt: Date | null;
  errorStep: string | null;
  eventName: string | null;
  cron: string | null;
  errorName: string | null;
  errorMessage: string | null;
  waiting: boolean;
}

const MESSAGE_CHARS = 500;

/** The SELECT list of a run's view (`r` is "JobRun"); payloads are read only for their size elsewhere. */
export const RUN_COLUMNS = Prisma.sql`r.id::text AS id, r."functionId", r.kind, r.status, r.attempt, r."maxAttempts",
  r."runAt", r."createdAt", r."startedAt", r."endedAt", r."cancelRequestedAt", r."errorStep",
  r.event->>'name' AS "eventName",
  CASE WHEN r.event->>'name' = 'inngest/scheduled.timer' THEN r.event->'data'->>'cron' END AS cron,
  left(r.error->>'name', 100) AS "errorName", left(r.error->>'message', ${MESSAGE_CHARS}) AS "errorMessage",
  EXISTS (SELECT 1 FROM "JobStep" w WHERE w."runId" = r.id AND NOT w.done AND w."waitEvent" IS NOT NULL) AS waiting`;

export function runState(row: Pick<RunRowView, "status" | "attempt" | "cancelRequestedAt" | "waiting">): JobRunState {
  switch (row.status) {
    case "QUEUED":
      return row.attempt > 0 ? "retrying" : "queued";
    case "RUNNING":
      return row.cancelRequestedAt ? "cancelling" : "running";
    case "SLEEPING":
      return row.waiting ? "waiting" : "sleeping";
    case "COMPLETED":
      return "completed";
    case "FAILED":
      return "failed";
    default:
      return "cancelled";
  }
}

export function toRunSummary(row: RunRowView): JobRunSummary {
  return {
    id: row.id,
    functionId: row.functionId,
    kind: row.kind === "failure" ? "failure" : "main",
    status: row.status,
    state: runState(row),
    trigger: { event: row.eventName ?? "", cron: row.cron },
    createdAt: row.createdAt,
    startedAt: row.startedAt,
    endedAt: row.endedAt,
    attempt: row.attempt + 1,
    maxAttempts: row.maxAttempts,
    runAt: row.runAt,
    error: row.errorMessage !== null || row.errorName !== null ? errorSummary(row.errorName, row.errorMessage) : null,
    errorStep: row.errorStep,
  };
}

export function errorSummary(name: string | null, message: string | null): JobErrorSummary {
  return { name: name ?? "Error", message: message ?? "" };
}

/** A step's columns (`s` is "JobStep"): the output only as its size. */
export const STEP_COLUMNS = Prisma.sql`s."hashedId" AS id, s.name, s.op, s.done, s.attempts, s."startedAt",
  s."createdAt", s."wakeAt", s."waitEvent",
  left(s.error->>'name', 100) AS "errorName", left(s.error->>'message', ${MESSAGE_CHARS}) AS "errorMessage",
  CASE WHEN s.data IS NULL THEN NULL ELSE octet_length(s.data::text) END AS "outputBytes"`;

export interface StepRowView {
  id: string;
  name: string;
  op: string;
  done: boolean;
  attempts: number;
  startedAt: Date | null;
  createdAt: Date;
  wakeAt: Date | null;
  waitEvent: string | null;
  errorName: string | null;
  errorMessage: string | null;
  outputBytes: number | null;
}

const KINDS: Record<string, JobStepKind> = {
  StepRun: "run",
  SendEvent: "sendEvent",
  Sleep: "sleep",
  WaitForEvent: "wait",
  InvokeFunction: "invoke",
};

export function toStepView(row: StepRowView, runEnded: boolean): JobStepView {
  const kind = KINDS[row.op] ?? "run";
  const failed = row.errorName !== null || row.errorMessage !== null;
  let state: JobStepState;
  if (row.done) state = failed ? "failed" : "completed";
  else if (runEnded) state = "stopped";
  else state = kind === "sleep" ? "sleeping" : "waiting";
  const timed = kind === "sleep" || kind === "wait" || kind === "invoke";
  return {
    id: row.id,
    name: row.name,
    kind,
    state,
    attempts: row.attempts,
    startedAt: row.startedAt ?? row.createdAt,
    // A step's result is recorded when it ends; a sleep ends at its wake-up time.
    endedAt: !row.done ? null : kind === "sleep" ? row.wakeAt : timed ? null : row.createdAt,
    sleepsUntil: kind === "sleep" ? row.wakeAt : null,
    waitsFor: kind === "wait" ? row.waitEvent : null,
    error: failed ? errorSummary(row.errorName, row.errorMessage) : null,
    outputBytes: row.outputBytes,
  };
}
