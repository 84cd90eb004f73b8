/** One run with its step timeline for the Jobs page (metadata only, see job-run-view.ts). */
import type { Tx } from "../db/scope";
import { notFound } from "../errors";
import {
  errorSummary,
  type JobRunDetail,
  type JobStepView,
  RUN_COLUMNS,
  type RunRowView,
  STEP_COLUMNS,
  type StepRowView,
  toRunSummary,
  toStepView,
} from "./job-run-view";

export async function getJobRun(opts: { db: Tx; id: string }): Promise<JobRunDetail> {
  const [run] = await opts.db.$queryRaw<(RunRowView & { eventBytes: number; outputBytes: number | null })[]>`
    SELECT ${RUN_COLUMNS}, octet_length(r.event::text) AS "eventBytes",
      CASE WHEN r.output IS NULL THEN NULL ELSE octet_length(r.output::text) END AS "outputBytes"
    FROM "JobRun" r WHERE r.id = ${opts.id}::uuid`;
  if (!run) throw notFound("Run");
  const rows = await opts.db.$queryRaw<StepRowView[]>`
    SELECT ${STEP_COLUMNS} FROM "JobStep" s WHERE s."runId" = ${opts.id}::uuid ORDER BY s.position`;
  const summary = toRunSummary(run);
  const ended = ["completed", "failed", "cancelled"].includes(summary.state);
  const steps = rows.map((row) => toStepView(row, ended));
  // The step a queued run will try again is not recorded until it ends: show it from the run's error.
  if (summary.state === "retrying" && run.errorStep) steps.push(retryingStep(run));
  return { ...summary, eventBytes: run.eventBytes, outputBytes: run.outputBytes, steps };
}

function retryingStep(run: RunRowView): JobStepView {
  return {
    id: `retrying:${run.errorStep}`,
    name: run.errorStep ?? "",
    kind: "run",
    state: "retrying",
    attempts: run.attempt,
    startedAt: null,
    endedAt: null,
    sleepsUntil: null,
    waitsFor: null,
    error: errorSummary(run.errorName, run.errorMessage),
    outputBytes: null,
  };
}
