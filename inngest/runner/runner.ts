/**
 * The embedded job runner: runs the app's Inngest function objects in-process, with every bit of
 * state in PostgreSQL, so `npm start` needs no Inngest server. This file wires its parts:
 *
 * - function-registry.ts — reads each function's settings; refuses at start-up what is not
 *   implemented (batchEvents, idempotency, priority, timeouts, singleton, other trigger/cancel
 *   `if` expressions, wildcard events, non-UTC crons).
 * - fan-out.ts — an event becomes its runs (rateLimit, debounce), ends the waits it matches
 *   (step.waitForEvent, `match` only) and cancels the runs whose cancelOn it matches.
 * - claim.ts — workers take due runs by lease (concurrency, throttle).
 * - execute.ts — one run, one stepwise execution at a time; record-result.ts stores what each
 *   reported; end-run.ts retries with backoff up to `retries`, completes, or fails (then onFailure).
 * - fire-crons.ts — each cron tick fires once across all workers.
 * - loop.ts — the polling/NOTIFY loop, start, stop and drain.
 * - run-rows.ts — the run and step rows, every write checked against the lease (store.ts: the pool).
 * - sdk-adapter.ts — the only code that touches the Inngest SDK's internals.
 * - A cancelled run sends `inngest/function.cancelled` (cancel-run.ts, cancelOn), so the function's
 *   own handler can end its rows; a trigger's `if` may test `event.<path> == 'text'`.
 * Time comes only from the clock, so tests move it.
 */
import { randomUUID } from "node:crypto";
import type { InngestFunction } from "inngest";
import type pg from "pg";
import { embeddedClientOptions, type IncomingEvent } from "@/server/job/event-route";
import { createClaimer } from "./claim";
import { type Clock, systemClock } from "./clock";
import { createRunEnding } from "./end-run";
import { createExecutor } from "./execute";
import { createFanOut } from "./fan-out";
import { fireCrons } from "./fire-crons";
import { registerFunctions } from "./function-registry";
import { createLoop, type Loop } from "./loop";
import { createResultRecorder } from "./record-result";
import { clientFetch } from "./sdk-adapter";
import { createPool, transaction } from "./store";

export interface RunnerOptions {
  functions: readonly InngestFunction.Any[];
  databaseUrl: string;
  clock?: Clock;
  /** Names this worker in leases (several may share one database). */
  workerId?: string;
  leaseMs?: number;
  /** How often the background loop looks for due work (events wake it at once). */
  pollMs?: number;
  /** Runs one worker executes at the same time. */
  parallelRuns?: number;
  /** Delay before retry number `attempt` (1-based). */
  backoffMs?: (attempt: number) => number;
}

export interface Runner {
  readonly workerId: string;
  /** Stores events and starts the runs they trigger (what `inngest.send` does through the client). */
  send(events: IncomingEvent | IncomingEvent[]): Promise<void>;
  /** Does all work due at the clock's current time until none is left; returns how many runs it took. */
  drain(): Promise<number>;
  /** Starts the background loop. */
  start(): void;
  /** Stops the loop and waits for work in hand; with `abandon`, walks away from it like a crash. */
  stop(opts?: { abandon?: boolean }): Promise<void>;
  /** Resolves once the runs in hand have ended, also after an abandoning stop (tests wait on it). */
  settled(): Promise<void>;
  readonly pool: pg.Pool;
}

/** Inngest-like backoff: grows with each attempt, a little jitter, capped at an hour. */
export function defaultBackoffMs(attempt: number): number {
  const base = Math.min(3_600_000, 1_000 * 2 ** Math.min(attempt + 2, 22));
  return Math.round(base * (0.9 + Math.random() * 0.2));
}

export function createRunner(options: RunnerOptions): Runner {
  const registry = registerFunctions(options.functions);
  for (const { fn, id } of registry.values()) {
    if (clientFetch(fn) !== embeddedClientOptions.fetch) {
      throw new Error(
        `The embedded job runner cannot deliver the events of function "${id}": create its Inngest client with embeddedClientOptions.`,
      );
    }
  }
  const clock = options.clock ?? systemClock;
  const workerId = options.workerId ?? `worker-${randomUUID().slice(0, 8)}`;
  const leaseMs = options.leaseMs ?? 30_000;
  const parallelRuns = options.parallelRuns ?? 4;
  const backoffMs = options.backoffMs ?? defaultBackoffMs;
  const pool = createPool(options.databaseUrl, parallelRuns + 3);
  const claimPool = createPool(options.databaseUrl, 1, { durable: false });
  const startedAt = clock.now();

  const { storeEvents, fanOutStored } = createFanOut({ registry, pool });
  let loop: Loop | null = null;
  const wake = () => loop?.wake();
  const ending = createRunEnding({ registry, pool, clock, backoffMs, storeEvents });
  const recordResult = createResultRecorder({ registry, pool, clock, storeEvents, wake, ending });

  async function send(input: IncomingEvent | IncomingEvent[]): Promise<void> {
    const events = Array.isArray(input) ? input : [input];
    const runs = await transaction(pool, (db) => storeEvents(db, events, clock.now()));
    if (runs) wake();
  }

  loop = createLoop({
    pool,
    claimPool,
    pollMs: options.pollMs ?? 1_000,
    parallelRuns,
    claim: createClaimer({ registry, pool, claimPool, clock, workerId, leaseMs }),
    execute: createExecutor({ registry, pool, clock, leaseMs, recordResult }),
    fanOutStored: () => fanOutStored(clock.now()),
    fireCrons: () => fireCrons({ registry, pool, now: clock.now(), since: startedAt }),
    accept: send,
  });

  return { workerId, pool, send, drain: loop.drain, start: loop.start, stop: loop.stop, settled: loop.settled };
}
