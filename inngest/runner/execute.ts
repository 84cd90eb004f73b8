/**
 * Executing one claimed run: replay the function with the results of its ended steps, one
 * stepwise execution at a time (sdk-adapter.ts), recording each report (record-result.ts), until
 * the run ends, sleeps, waits for a retry, or this worker loses its lease. A sleep's end is
 * stored when the sleep is first reached, so it ends at that time after restarts.
 */
import type pg from "pg";
import { at } from "@/server/db/raw-query";
import { holdEvents } from "@/server/job/event-route";
import type { Claimed } from "./claim";
import type { Clock } from "./clock";
import type { RegisteredFunction } from "./function-registry";
import type { RecordResult } from "./record-result";
import { LeaseLost, loadSteps, releaseRun, renewLease, STEP_OPS, saveStep, withLease } from "./run-rows";
import { executeStepwise, INVOKE_TIMEOUT_ERROR, type MemoizedStep } from "./sdk-adapter";
import { withStepScope } from "./step-transaction";
import type { StepRow } from "./store";

export interface ExecuteDeps {
  registry: Map<string, RegisteredFunction>;
  pool: pg.Pool;
  clock: Clock;
  leaseMs: number;
  recordResult: RecordResult;
}

export function createExecutor(deps: ExecuteDeps): (run: Claimed) => Promise<void> {
  const { registry, pool, clock, leaseMs, recordResult } = deps;

  return async function execute(run: Claimed): Promise<void> {
    const fn = registry.get(run.functionId)!;
    const heartbeat = setInterval(() => {
      renewLease(pool, run, new Date(clock.now().getTime() + leaseMs)).catch(() => {});
    }, leaseMs / 3);
    try {
      let known: StepRow[] | null = run.fresh ? [] : null; // a run never started has no steps yet
      for (;;) {
        const { steps, cancelRequested } = known
          ? { steps: known, cancelRequested: false }
          : await loadSteps(pool, run.id);
        known = null;
        const now = clock.now();
        if (cancelRequested) {
          // A person cancelled while a step ran: that step's result is kept, nothing after it runs.
          await withLease(pool, run, (db) =>
            releaseRun(db, run.id, `status = 'CANCELLED', "endedAt" = $2, "updatedAt" = $2`, [at(now)]),
          );
          return;
        }
        const waiting = steps.filter((s) => !s.done); // sleeps and waits for events
        const due = waiting.filter((s) => s.wakeAt && s.wakeAt <= now);
        if (due.length) {
          await withLease(pool, run, async (db) => {
            for (const s of due) {
              // A sleep or a wait for an event ends with null; an invoke that timed out, with an error.
              const timedOut = s.op === STEP_OPS.invoke;
              const ended = {
                ...s,
                done: true,
                data: timedOut ? undefined : null,
                error: timedOut ? INVOKE_TIMEOUT_ERROR : undefined,
                wakeAt: s.wakeAt ?? undefined,
              };
              await saveStep(db, run.id, ended, clock.now());
            }
          });
          continue;
        }
        if (waiting.length) {
          // Read under the run's lock: an event may have ended a wait since the steps were loaded.
          await withLease(
            pool,
            run,
            (db) =>
              releaseRun(
                db,
                run.id,
                `status = CASE WHEN "cancelRequestedAt" IS NULL THEN 'SLEEPING' ELSE 'CANCELLED' END,
                  "endedAt" = CASE WHEN "cancelRequestedAt" IS NULL THEN NULL ELSE $2::timestamp(3) END,
                  "updatedAt" = $2, "runAt" = coalesce(
                  (SELECT min("wakeAt") FROM "JobStep" WHERE "runId" = $1 AND NOT done), $2)`,
                [at(now)],
              ),
            { durable: false }, // a sleep's end itself is stored durably with its step
          );
          return;
        }
        const memo: MemoizedStep[] = steps
          .filter((s) => s.done)
          .map((s) => (s.error != null ? { id: s.hashedId, error: s.error } : { id: s.hashedId, data: s.data }));
        const base = {
          fn: fn.fn,
          kind: run.kind,
          runId: run.id,
          event: run.event,
          attempt: run.attempt,
          maxAttempts: run.maxAttempts,
          steps: memo,
        };
        // Events the function sends are held back and stored with the step's result.
        const drive = async (input: typeof base & { requestedStep?: string }) => {
          const driven = await withStepScope(pool, () => holdEvents(() => executeStepwise(input)));
          return { result: driven.result.result, events: driven.result.events, stepClient: driven.client };
        };
        const began = clock.now();
        const next = await recordResult(
          run,
          await drive(base),
          async (stepId) => {
            const beganStep = clock.now();
            return recordResult(run, await drive({ ...base, requestedStep: stepId }), null, beganStep);
          },
          began,
        );
        if (next === "stop") return;
      }
    } catch (error) {
      if (error instanceof LeaseLost) return;
      throw error;
    } finally {
      clearInterval(heartbeat);
    }
  };
}
