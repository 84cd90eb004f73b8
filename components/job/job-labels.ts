/** Words and colours for runs and steps on the Jobs page, and the small formatters it uses. */
import type { JobRunState, JobStepKind, JobStepState } from "@/server/job/job-run-view";

type Variant = "success" | "warning" | "danger" | "muted" | "default";

export const RUN_STATES: Record<JobRunState, { label: string; variant: Variant }> = {
  queued: { label: "Queued", variant: "muted" },
  retrying: { label: "Waiting to retry", variant: "warning" },
  running: { label: "Running", variant: "default" },
  cancelling: { label: "Cancelling", variant: "warning" },
  sleeping: { label: "Sleeping", variant: "default" },
  waiting: { label: "Waiting for an event", variant: "default" },
  completed: { label: "Completed", variant: "success" },
  failed: { label: "Failed", variant: "danger" },
  cancelled: { label: "Cancelled", variant: "muted" },
};

export const STEP_STATES: Record<JobStepState, { label: string; variant: Variant }> = {
  completed: { label: "Completed", variant: "success" },
  failed: { label: "Failed", variant: "danger" },
  sleeping: { label: "Sleeping", variant: "default" },
  waiting: { label: "Waiting", variant: "default" },
  retrying: { label: "Waiting to retry", variant: "warning" },
  stopped: { label: "Not finished", variant: "muted" },
};

export const STEP_KINDS: Record<JobStepKind, string> = {
  run: "run",
  sleep: "sleep",
  wait: "wait for event",
  invoke: "invoke",
  sendEvent: "send event",
};

/** The filter's choices: stored statuses in plain words. */
export const STATUS_FILTERS = [
  { value: "QUEUED", label: "Queued or waiting to retry" },
  { value: "RUNNING", label: "Running" },
  { value: "SLEEPING", label: "Sleeping or waiting" },
  { value: "COMPLETED", label: "Completed" },
  { value: "FAILED", label: "Failed" },
  { value: "CANCELLED", label: "Cancelled" },
] as const;

export const canRetry = (state: JobRunState) => state === "failed" || state === "retrying";
export const canCancel = (state: JobRunState) =>
  ["queued", "retrying", "running", "sleeping", "waiting"].includes(state);
export const isActive = (state: JobRunState) => !["completed", "failed", "cancelled"].includes(state);

/** What started a run: a cron schedule, an event, or another run's failure (onFailure). */
export function triggerText(run: { kind: string; trigger: { event: string; cron: string | null } }): string {
  if (run.trigger.cron) {
    const zone = /^TZ=(\S+)\s+/.exec(run.trigger.cron);
    return `cron ${run.trigger.cron.slice(zone?.[0].length ?? 0)}${zone ? ` ${zone[1]}` : ""}`;
  }
  if (run.kind === "failure") return "onFailure";
  if (run.trigger.event === "inngest/function.invoked") return "invoked";
  return run.trigger.event;
}

export function formatDuration(ms: number): string {
  if (ms < 1000) return `${Math.max(0, Math.round(ms))} ms`;
  const s = ms / 1000;
  if (s < 60) return `${s.toFixed(s < 10 ? 1 : 0)} s`;
  const m = Math.floor(s / 60);
  if (m < 60) return `${m} min ${Math.round(s % 60)} s`;
  const h = Math.floor(m / 60);
  if (h < 48) return `${h} h ${m % 60} min`;
  return `${Math.floor(h / 24)} days`;
}

/** How long a run took (or has taken so far). */
export function runDuration(run: { startedAt: Date | null; endedAt: Date | null }, now: Date): string {
  if (!run.startedAt) return "—";
  return formatDuration((run.endedAt ?? now).getTime() - run.startedAt.getTime());
}

export function formatBytes(bytes: number): string {
  if (bytes < 1024) return `${bytes} bytes`;
  if (bytes < 1024 * 1024) return `${(bytes / 1024).toFixed(1)} KB`;
  return `${(bytes / 1024 / 1024).toFixed(1)} MB`;
}
