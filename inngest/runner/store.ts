/**
 * The runner's PostgreSQL access: its own small pool (row locks and SKIP LOCKED need plain SQL in
 * explicit transactions). Times are written and read as UTC; the tables use Prisma's
 * `timestamp(3)` (without time zone), which node-pg would otherwise read as local time.
 */
import pg from "pg";

const TIMESTAMP_WITHOUT_TZ = 1114;

/** With `durable: false` its commits do not wait for the disk (see `transaction` for when that is fine). */
export function createPool(connectionString: string, max = 5, opts: { durable?: boolean } = {}): pg.Pool {
  const pool = new pg.Pool({
    connectionString,
    max,
    options: opts.durable === false ? "-c timezone=UTC -c synchronous_commit=off" : "-c timezone=UTC",
    types: {
      getTypeParser: ((oid: number, format?: string) =>
        oid === TIMESTAMP_WITHOUT_TZ
          ? (value: string) => new Date(`${value.replace(" ", "T")}Z`)
          : pg.types.getTypeParser(oid, format as "text")) as typeof pg.types.getTypeParser,
    },
  });
  // An idle client that loses its connection is dropped and replaced on the next checkout. Without a
  // listener the pool rethrows it and the process dies; that happens even to clients pool.end() is
  // closing when the server goes first (a dropped database, a shutdown).
  pool.on("error", (error) => {
    if (!pool.ending) console.error("job runner: a database connection was lost:", error.message);
  });
  return pool;
}

/**
 * One transaction. `durable: false` lets the commit return before its WAL reaches the disk; only
 * for writes whose loss in a database crash is harmless (a lease, a wake-up time, a fan-out that
 * is redone): a step's result and a sent event are always durable before anything acts on them.
 */
export async function transaction<T>(
  pool: pg.Pool,
  fn: (client: pg.PoolClient) => Promise<T>,
  opts: { durable?: boolean } = {},
): Promise<T> {
  const client = await pool.connect();
  try {
    await client.query("BEGIN");
    if (opts.durable === false) await client.query("SET LOCAL synchronous_commit = off");
    const result = await fn(client);
    await client.query("COMMIT");
    return result;
  } catch (error) {
    await client.query("ROLLBACK").catch(() => {});
    throw error;
  } finally {
    client.release();
  }
}

export interface RunRow {
  id: string;
  functionId: string;
  kind: "main" | "failure";
  status: string;
  eventId: string | null;
  event: { id?: string; name: string; data: Record<string, unknown>; ts?: number };
  attempt: number;
  maxAttempts: number;
  runAt: Date;
  leaseToken: string | null;
  concurrencyKey: string | null;
  throttleKey: string | null;
  startedAt: Date | null;
}

export interface StepRow {
  hashedId: string;
  name: string;
  op: string;
  done: boolean;
  data: unknown;
  error: unknown;
  wakeAt: Date | null;
  position: number;
}
