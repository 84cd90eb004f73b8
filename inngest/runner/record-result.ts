/**
 * What one stepwise execution reported (sdk-adapter.ts), recorded in the run's rows: a step's
 * result (with the events the step sent, in the same transaction), a sleep's end, a wait for an
 * event, an invoked run, or the run's end. Every write checks the lease first (run-rows.ts).
 */
import { randomUUID } from "node:crypto";
import type pg from "pg";
import { at } from "@/server/db/raw-query";
import type { IncomingEvent } from "@/server/job/event-route";
import type { Clock } from "./clock";
import { sleepEnd } from "./durations";
import type { LeasedRunRow, RunEnding } from "./end-run";
import type { RegisteredFunction } from "./function-registry";
import { parseMatch } from "./match-event";
import {
  commitWithStep,
  insertRun,
  invokeWaitEvent,
  notifyRunsDue,
  STEP_OPS,
  type StepRecord,
  saveStep,
  withLease,
} from "./run-rows";
import { type FoundStep, type RanStep, SDK_EVENTS, type StepwiseResult } from "./sdk-adapter";
import { rollBack } from "./step-transaction";

/** "continue": execute the function again; "stop": the run is ended, sleeping or waiting for a retry. */
export type Next = "continue" | "stop";

export interface RecordDeps {
  registry: Map<string, RegisteredFunction>;
  pool: pg.Pool;
  clock: Clock;
  storeEvents: (db: pg.PoolClient, events: IncomingEvent[], now: Date) => Promise<number>;
  /** Tells the worker loop that new runs may be due. */
  wake: () => void;
  ending: RunEnding;
}

export interface Reported {
  result: StepwiseResult;
  /** Events the function sent during this execution, held back to be stored with its result. */
  events: IncomingEvent[];
  /** The transaction a step body opened with stepTransaction(), still open. */
  stepClient: pg.PoolClient | null;
}

/** Records one report; `runPlannedStep` runs a planned step.run body (null when this report is of one). */
export type RecordResult = (
  run: LeasedRunRow,
  reported: Reported,
  runPlannedStep: ((hashedId: string) => Promise<Next>) | null,
  began: Date,
) => Promise<Next>;

export function createResultRecorder(deps: RecordDeps): RecordResult {
  const { registry, pool, clock, storeEvents, wake } = deps;
  const { finish, retryLater } = deps.ending;
  const refuse = (run: LeasedRunRow, message: string) => finish(run, { error: { name: "Error", message } });

  async function recordResult(
    run: LeasedRunRow,
    { result, events, stepClient }: Reported,
    runPlannedStep: ((hashedId: string) => Promise<Next>) | null,
    began: Date,
  ): Promise<Next> {
    const now = clock.now();
    const ended = result.kind === "step-done" || result.kind === "step-failed";
    // A step body's own transaction commits only with the step's result.
    if (stepClient && !ended) await rollBack(stepClient);
    switch (result.kind) {
      case "step-done":
        await recordStep(run, result.step, { data: result.data }, { events, stepClient, began, now });
        return "continue";
      case "step-failed":
        await recordStep(run, result.step, { error: result.error }, { events, stepClient, began, now });
        return "continue";
      case "step-error":
        await retryLater(run, result.error, result.retryAfter, result.step.name);
        return "stop";
      case "steps-found":
        for (const step of result.steps) {
          if ((await recordFoundStep(run, step, runPlannedStep, now)) === "stop") return "stop";
        }
        return "continue";
      case "complete":
        await finish(run, { output: result.output });
        return "stop";
      case "error":
        if (result.retriable) await retryLater(run, result.error, result.retryAfter);
        else await finish(run, { error: result.error });
        return "stop";
      default:
        await refuse(run, `Unexpected result from the Inngest SDK: ${result.what}`);
        return "stop";
    }
  }

  /** A step body's result (or final error), with the events it sent, in one transaction. */
  async function recordStep(
    run: LeasedRunRow,
    step: RanStep,
    outcome: { data: unknown } | { error: unknown },
    {
      events,
      stepClient,
      began,
      now,
    }: { events: IncomingEvent[]; stepClient: pg.PoolClient | null; began: Date; now: Date },
  ) {
    const record = async (db: pg.PoolClient) => {
      const row = { hashedId: step.id, name: step.name, op: step.op, done: true, ...outcome };
      await saveStep(db, run.id, { ...row, startedAt: began, attempts: run.attempt + 1 }, clock.now());
      await db.query(`UPDATE "JobRun" SET attempt = 0, "updatedAt" = $2 WHERE id = $1`, [run.id, at(now)]);
      await storeEvents(db, events, now);
    };
    if (stepClient) await commitWithStep(stepClient, run, record);
    else await withLease(pool, run, record);
    run.attempt = 0;
    if (events.length) wake();
  }

  /** A sleep, a wait or an invoke is stored as a waiting step; a planned step runs now. */
  async function recordFoundStep(
    run: LeasedRunRow,
    step: FoundStep,
    runPlannedStep: ((hashedId: string) => Promise<Next>) | null,
    now: Date,
  ): Promise<Next> {
    const save = (record: StepRecord) => withLease(pool, run, (db) => saveStep(db, run.id, record, clock.now()));
    switch (step.kind) {
      case "sleep":
        await save({
          hashedId: step.id,
          name: step.name,
          op: STEP_OPS.sleep,
          done: false,
          wakeAt: sleepEnd(step.until, now),
        });
        return "continue";
      case "wait":
        if (step.if && !parseMatch(step.if)) {
          await refuse(
            run,
            `The embedded job runner can only wait for an event with "match", not the expression "${step.if}" (step "${step.name}").`,
          );
          return "stop";
        }
        await save({
          hashedId: step.id,
          name: step.name,
          op: STEP_OPS.wait,
          done: false,
          wakeAt: sleepEnd(step.timeout, now),
          waitEvent: step.event,
          waitIf: step.if,
        });
        return "continue";
      case "invoke": {
        const target = registry.get(step.functionId);
        if (!target) {
          await refuse(
            run,
            `step.invoke: the embedded job runner has no function "${step.functionId}" (step "${step.name}").`,
          );
          return "stop";
        }
        await withLease(pool, run, async (db) => {
          const invoked: IncomingEvent = {
            id: randomUUID(),
            name: SDK_EVENTS.functionInvoked,
            data: step.data,
            ts: now.getTime(),
          };
          const childId = await insertRun(db, target, "main", invoked, now);
          const waiting: StepRecord = {
            hashedId: step.id,
            name: step.name,
            op: STEP_OPS.invoke,
            done: false,
            // Without a timeout Inngest waits up to a year.
            wakeAt: step.timeout ? sleepEnd(step.timeout, now) : new Date(now.getTime() + 365 * 86_400_000),
            waitEvent: invokeWaitEvent(childId),
          };
          await saveStep(db, run.id, waiting, clock.now());
          await notifyRunsDue(db);
        });
        wake();
        return "continue";
      }
      case "planned":
        if (runPlannedStep) return runPlannedStep(step.id);
        await refuse(
          run,
          `The embedded job runner does not support the step operation "StepPlanned" (step "${step.name}").`,
        );
        return "stop";
      default:
        await refuse(run, `The embedded job runner does not support ${step.what} (step "${step.name}").`);
        return "stop";
    }
  }

  return recordResult;
}
