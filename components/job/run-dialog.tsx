"use client";
/**
 * One run: what started it, its state and its step timeline (kind, state, attempts, times, sleeps,
 * errors). Metadata only — payloads and outputs appear as their size. Refreshes while the run is active.
 */
import { trpc } from "@/components/providers/trpc";
import { Alert } from "@/components/ui/alert";
import { Badge } from "@/components/ui/badge";
import { Button } from "@/components/ui/button";
import { DateTime } from "@/components/ui/date-time";
import { DialogContent, FormActions } from "@/components/ui/dialog";
import { Truncate } from "@/components/ui/truncate";
import type { JobStepView } from "@/server/job/job-run-view";
import {
  canCancel,
  canRetry,
  formatBytes,
  isActive,
  RUN_STATES,
  runDuration,
  STEP_KINDS,
  STEP_STATES,
  triggerText,
} from "./job-labels";

const REFRESH_MS = 3000;

export function RunDialog({
  id,
  functionId,
  onRetry,
  onCancel,
  busy,
}: {
  id: string;
  functionId: string;
  onRetry: (run: { id: string; functionId: string; state: string }) => void;
  onCancel: (run: { id: string; functionId: string; state: string }) => void;
  busy: boolean;
}) {
  const query = trpc.job.get.useQuery(
    { id },
    { refetchInterval: (q) => (q.state.data && isActive(q.state.data.state) ? REFRESH_MS : false) },
  );
  const run = query.data;
  const now = new Date();
  return (
    <DialogContent title={`Run of ${functionId}`} className="md:max-w-3xl">
      {query.error ? <Alert variant="error">{query.error.message}</Alert> : null}
      {query.isLoading ? <p className="text-sm text-muted-foreground">Loading…</p> : null}
      {run ? (
        <div className="grid gap-4">
          <dl className="grid grid-cols-[7rem_1fr] gap-x-3 gap-y-1 text-sm">
            <dt className="text-muted-foreground">Status</dt>
            <dd>
              <Badge variant={RUN_STATES[run.state].variant} data-testid="run-state">
                {RUN_STATES[run.state].label}
              </Badge>
            </dd>
            <dt className="text-muted-foreground">Started by</dt>
            <dd className="min-w-0">
              <Truncate text={triggerText(run)} className="font-mono text-xs leading-5" />
            </dd>
            <dt className="text-muted-foreground">Started</dt>
            <dd>
              <When date={run.startedAt ?? run.createdAt} />
            </dd>
            <dt className="text-muted-foreground">Ended</dt>
            <dd>
              {run.endedAt ? (
                <>
                  <When date={run.endedAt} /> ({runDuration(run, now)})
                </>
              ) : (
                "—"
              )}
            </dd>
            {run.state === "retrying" ? (
              <>
                <dt className="text-muted-foreground">Next try</dt>
                <dd>
                  <When date={run.runAt} />
                </dd>
              </>
            ) : null}
            <dt className="text-muted-foreground">Attempt</dt>
            <dd>
              {run.attempt} of {run.maxAttempts}
            </dd>
            <dt className="text-muted-foreground">Sizes</dt>
            <dd>
              event {formatBytes(run.eventBytes)}
              {run.outputBytes !== null ? `, result ${formatBytes(run.outputBytes)}` : ""}
            </dd>
          </dl>
          {run.error ? (
            <Alert variant="error">
              {run.errorStep ? `Step ${run.errorStep}: ` : ""}
              {run.error.name !== "Error" ? `${run.error.name}: ` : ""}
              {run.error.message}
            </Alert>
          ) : null}
          <section aria-label="Steps">
            <h3 className="mb-2 text-sm font-semibold">Steps</h3>
            {run.steps.length ? (
              <ol className="grid gap-2">
                {run.steps.map((step, i) => (
                  <StepItem key={step.id} step={step} index={i + 1} />
                ))}
              </ol>
            ) : (
              <p className="text-sm text-muted-foreground">No step has finished yet.</p>
            )}
          </section>
        </div>
      ) : null}
      <FormActions cancelLabel="Done" className="mt-4">
        {run && canCancel(run.state) ? (
          <Button variant="outline" className="text-destructive" disabled={busy} onClick={() => onCancel(run)}>
            Cancel run
          </Button>
        ) : null}
        {run && canRetry(run.state) ? (
          <Button disabled={busy} onClick={() => onRetry(run)}>
            Retry now
          </Button>
        ) : null}
      </FormActions>
    </DialogContent>
  );
}

function StepItem({ step, index }: { step: JobStepView; index: number }) {
  const state = STEP_STATES[step.state];
  return (
    <li className="rounded-md border p-3 text-sm" data-testid="run-step">
      <div className="flex flex-wrap items-center gap-2">
        <span className="text-muted-foreground tabular-nums">{index}.</span>
        <span className="min-w-0 flex-1 font-medium">
          <Truncate text={step.name} />
        </span>
        <Badge variant="muted">{STEP_KINDS[step.kind]}</Badge>
        <Badge variant={state.variant}>{state.label}</Badge>
      </div>
      <dl className="mt-2 grid grid-cols-[6.5rem_1fr] gap-x-3 gap-y-0.5 text-xs text-muted-foreground">
        <dt>Started</dt>
        <dd>
          <When date={step.startedAt} />
        </dd>
        {step.sleepsUntil ? (
          <>
            <dt>Sleeps until</dt>
            <dd>
              <When date={step.sleepsUntil} />
            </dd>
          </>
        ) : null}
        {step.waitsFor ? (
          <>
            <dt>Waits for</dt>
            <dd className="break-all font-mono">{step.waitsFor}</dd>
          </>
        ) : null}
        {step.endedAt ? (
          <>
            <dt>Ended</dt>
            <dd>
              <When date={step.endedAt} />
            </dd>
          </>
        ) : null}
        <dt>Attempts</dt>
        <dd>{step.attempts}</dd>
        {step.outputBytes !== null ? (
          <>
            <dt>Result</dt>
            <dd>{formatBytes(step.outputBytes)} (not shown)</dd>
          </>
        ) : null}
      </dl>
      {step.error ? (
        <p className="mt-2 break-words text-xs text-destructive">
          {step.error.name !== "Error" ? `${step.error.name}: ` : ""}
          {step.error.message}
        </p>
      ) : null}
    </li>
  );
}

/** A time in the page's zone, named, to the second; a dash when there is none. */
function When({ date }: { date: Date | null }) {
  return date ? <DateTime value={date} seconds /> : <>—</>;
}
