/** Shared set-up for the runner tests: a test Inngest client and runners on this file's database. */
import { Inngest, type InngestFunction } from "inngest";
import type { ManualClock } from "../../../inngest/runner/clock";
import { createRunner, type Runner, type RunnerOptions } from "../../../inngest/runner/runner";
import { embeddedClientOptions } from "../../../server/job/event-route";

const quiet = { info() {}, warn() {}, error() {}, debug() {} };

/** The SDK logs every step error; the tests assert on them instead. */
export const testClient = new Inngest({ id: "runner-test", logger: quiet, ...embeddedClientOptions });

const opened: Runner[] = [];

export function makeRunner(
  functions: InngestFunction.Any[],
  clock: ManualClock,
  extra: Partial<RunnerOptions> = {},
): Runner {
  const runner = createRunner({
    functions,
    databaseUrl: process.env.DATABASE_URL!,
    clock,
    backoffMs: (attempt) => attempt * 60_000,
    ...extra,
  });
  opened.push(runner);
  return runner;
}

export async function closeRunners() {
  for (const runner of opened.splice(0)) await runner.stop().catch(() => {});
}

export async function runsOf(runner: Runner, functionId: string) {
  const { rows } = await runner.pool.query(
    `SELECT id, status, attempt, "runAt", output, error, kind FROM "JobRun" WHERE "functionId" = $1 ORDER BY "createdAt", id`,
    [functionId],
  );
  return rows as {
    id: string;
    status: string;
    attempt: number;
    runAt: Date;
    output: unknown;
    error: { name?: string; message?: string } | null;
    kind: string;
  }[];
}

let seq = 0;
export const event = (name: string, data: Record<string, unknown> = {}) => ({
  id: `evt-${Date.now()}-${++seq}`,
  name,
  data,
  ts: Date.now(),
});
