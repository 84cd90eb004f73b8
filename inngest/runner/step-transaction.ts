/**
 * A step body may do its database work in the very transaction that records the step's result:
 * `const db = await stepTransaction()` inside `step.run`. Both commit together or not at all, so a
 * step cut off mid-body (a crash, a lost lease) leaves no trace and simply runs again. The other
 * way to make a re-run harmless is an idempotency key (e.g. `${runId}:${step name}`) on the effect.
 * The app's functions use inngest/transactional-step.ts, which does the same on an Inngest server.
 */
import { AsyncLocalStorage } from "node:async_hooks";
import type pg from "pg";

interface StepScope {
  open(): Promise<pg.PoolClient>;
}

const current = new AsyncLocalStorage<StepScope>();

export async function stepTransaction(): Promise<pg.PoolClient> {
  const scope = current.getStore();
  if (!scope) throw new Error("stepTransaction() works only inside a step run by the embedded job runner");
  return scope.open();
}

/** The embedded runner's transaction for the step running now; null outside it (an Inngest server runs it). */
export function embeddedStepTransaction(): (() => Promise<pg.PoolClient>) | null {
  const scope = current.getStore();
  return scope ? () => scope.open() : null;
}

/** Runs `fn`; a transaction a step body opened is returned still open, for the runner to finish. */
export async function withStepScope<T>(
  pool: pg.Pool,
  fn: () => Promise<T>,
): Promise<{ result: T; client: pg.PoolClient | null }> {
  let opened: Promise<pg.PoolClient> | null = null;
  const scope: StepScope = {
    open: () => {
      opened ??= pool.connect().then(async (client) => {
        await client.query("BEGIN");
        return client;
      });
      return opened;
    },
  };
  try {
    const result = await current.run(scope, fn);
    return { result, client: opened ? await opened : null };
  } catch (error) {
    if (opened) await rollBack(await opened);
    throw error;
  }
}

export async function rollBack(client: pg.PoolClient): Promise<void> {
  try {
    await client.query("ROLLBACK");
    client.release();
  } catch (error) {
    client.release(error as Error);
  }
}
