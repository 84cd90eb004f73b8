/**
 * The worker loop and its lifecycle: on a timer, on a NOTIFY and after each run it fans out
 * stored events, claims what there is room for and executes it, at most `parallelRuns` at a time.
 * While it runs, this process's `inngest.send` goes to the runner (installEventSink).
 */
import type pg from "pg";
import { type IncomingEvent, installEventSink } from "@/server/job/event-route";
import type { Claimed } from "./claim";
import { CHANNEL, RUNS_DUE } from "./run-rows";

export interface LoopDeps {
  pool: pg.Pool;
  claimPool: pg.Pool;
  pollMs: number;
  parallelRuns: number;
  claim: (want: number) => Promise<Claimed[]>;
  execute: (run: Claimed) => Promise<void>;
  /** Fans out events other processes stored; `more` when more may wait. */
  fanOutStored: () => Promise<{ more: boolean }>;
  fireCrons: () => Promise<number>;
  /** Where this process's events go while the loop runs. */
  accept: (events: IncomingEvent[]) => Promise<void>;
}

export interface Loop {
  /** New work may be due: look now (if running). */
  wake(): void;
  start(): void;
  stop(opts?: { abandon?: boolean }): Promise<void>;
  /** Does all work due now until none is left; returns how many runs it took. */
  drain(): Promise<number>;
  /** Resolves once the runs in hand have ended, also after an abandoning stop (tests wait on it). */
  settled(): Promise<void>;
}

export function createLoop(deps: LoopDeps): Loop {
  const { pool, claimPool, pollMs, parallelRuns, claim, execute, fanOutStored, fireCrons, accept } = deps;
  const inFlight = new Set<Promise<void>>();
  let running = false;
  let timer: NodeJS.Timeout | null = null;
  let listener: pg.PoolClient | null = null;
  let uninstall: (() => void) | null = null;
  let pumping = false;
  let pumpAgain = false;
  /** Stored events may await fan-out: another process stored them, or the timer asks to look. */
  let fanOutDue = true;

  function wake() {
    if (running) void pump();
  }

  /** Claims what there is room for and runs it; called on a timer, on NOTIFY and after each run. */
  async function pump(): Promise<void> {
    if (pumping) {
      pumpAgain = true;
      return;
    }
    pumping = true;
    try {
      do {
        pumpAgain = false;
        const room = parallelRuns - inFlight.size;
        if (!running || room <= 0) break;
        if (fanOutDue) {
          fanOutDue = false;
          if ((await fanOutStored()).more) fanOutDue = true;
        }
        const runs = await claim(room);
        for (const run of runs) {
          const task = execute(run)
            .catch((error) => console.error(`job run ${run.id} (${run.functionId}) failed in the runner:`, error))
            .finally(() => {
              inFlight.delete(task);
              wake();
            });
          inFlight.add(task);
        }
        if (runs.length === room) pumpAgain = true;
      } while (pumpAgain && running);
    } catch (error) {
      if (running) console.error("job runner:", error);
    } finally {
      pumping = false;
    }
  }

  async function drain(): Promise<number> {
    const uninstallForDrain = uninstall ? null : installEventSink({ accept });
    try {
      let total = 0;
      await fireCrons();
      await fanOutStored();
      for (;;) {
        const runs = await claim(parallelRuns);
        if (!runs.length) return total;
        total += runs.length;
        await Promise.all(runs.map(execute));
      }
    } finally {
      uninstallForDrain?.();
    }
  }

  function start() {
    if (running) return;
    running = true;
    uninstall = installEventSink({ accept });
    const tick = async () => {
      try {
        await fireCrons();
      } catch (error) {
        if (running) console.error("job runner cron:", error);
      }
      fanOutDue = true;
      await pump();
      if (running) timer = setTimeout(tick, pollMs);
    };
    void tick();
    void pool.connect().then(
      async (client) => {
        if (!running) return client.release();
        listener = client;
        client.on("notification", (message) => {
          if (message.payload !== RUNS_DUE) fanOutDue = true;
          wake();
        });
        await client.query(`LISTEN ${CHANNEL}`);
      },
      (error) => console.error("job runner: cannot listen for new work:", error),
    );
  }

  async function stop(opts: { abandon?: boolean } = {}) {
    running = false;
    uninstall?.();
    uninstall = null;
    if (timer) clearTimeout(timer);
    if (!opts.abandon) await Promise.allSettled([...inFlight]);
    if (listener) {
      listener.release(true);
      listener = null;
    }
    await claimPool.end(); // even when abandoning: a dead worker claims nothing more
    if (!opts.abandon) await pool.end();
  }

  async function settled() {
    while (inFlight.size) await Promise.allSettled([...inFlight]);
  }

  return { wake, start, stop, drain, settled };
}
