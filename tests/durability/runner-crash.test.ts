/**
 * `kill -9` of the job runner — Node and its PostgreSQL alike — twice while 200 runs of a function
 * with three steps and a sleep are under way. After the restart every run completes, no step whose
 * result was recorded runs again, every effect lands exactly once, and no sleep ends early or late.
 * The runner process is tests/durability/crash-runner.ts (a test-only function on the real runner).
 */
import type { ChildProcess } from "node:child_process";
import { rmSync } from "node:fs";
import type pg from "pg";
import { afterAll, describe, expect, it } from "vitest";
import { CRASH_EVENT, SLEEP_MS } from "./crash-settings";
import { durabilityPgPort } from "./support/ports";
import { alive, killGroup, postmasterPid, startDetached, withDb as withDbAt } from "./support/process-group";

const DATA_DIR = ".data/runner-crash";
const PG_PORT = durabilityPgPort(1);
const DB_URL = `postgresql://faxport_app:faxport-local@127.0.0.1:${PG_PORT}/faxport`;
const RUNS = 200;

let runner: ChildProcess | undefined;

function startRunner(): Promise<ChildProcess> {
  return startDetached({
    script: "tests/durability/crash-runner.ts",
    env: { FAXPORT_DATA_DIR: DATA_DIR, DURABILITY_PG_PORT: String(PG_PORT) },
    ready: "ready\n",
    timeoutMs: 120_000,
    what: "the runner",
  });
}

/** kill -9 of the whole process group; returns once PostgreSQL is really gone. */
async function killNine(child: ChildProcess): Promise<Date> {
  const pgPid = postmasterPid(DATA_DIR);
  killGroup(child);
  const killedAt = new Date();
  for (let i = 0; i < 100 && (alive(pgPid) || alive(child.pid!)); i++) await new Promise((r) => setTimeout(r, 50));
  expect(alive(child.pid!)).toBe(false);
  expect(alive(pgPid)).toBe(false); // PostgreSQL died mid-flight: its crash recovery is exercised
  return killedAt;
}

const withDb = <T>(fn: (c: pg.Client) => Promise<T>) => withDbAt(DB_URL, fn);

const count = (sql: string) => withDb(async (c) => (await c.query<{ n: number }>(sql)).rows[0]!.n);

async function waitUntil(sql: string, atLeast: number, timeoutMs: number): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const n = await count(sql);
    if (n >= atLeast) return;
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${atLeast} of: ${sql} (have ${n})`);
    await new Promise((r) => setTimeout(r, 50));
  }
}

const RESERVED = "SELECT count(*)::int AS n FROM crash_effect_tx WHERE step = 'reserve'";
const DIALLED = "SELECT count(*)::int AS n FROM crash_effect_keyed";
const COMPLETED = `SELECT count(*)::int AS n FROM "JobRun" WHERE "functionId" = 'crash-test-crash-steps' AND status = 'COMPLETED'`;

afterAll(() => {
  if (runner?.pid) {
    try {
      killGroup(runner);
    } catch {}
  }
});

describe("kill -9 of the job runner while runs are under way", () => {
  it("resumes every run: no recorded step repeats, each effect lands once, sleeps keep their end", async () => {
    rmSync(DATA_DIR, { recursive: true, force: true });
    runner = await startRunner();
    await withDb(async (c) => {
      await c.query(
        `INSERT INTO "JobEvent" (id, name, data, ts, "receivedAt")
         SELECT 'crash-' || i, $1, jsonb_build_object('n', i), now() AT TIME ZONE 'UTC', now() AT TIME ZONE 'UTC'
         FROM generate_series(1, ${RUNS}) i`,
        [CRASH_EVENT],
      );
      await c.query("SELECT pg_notify('faxport_jobs', '')");
    });

    // The first kill while most runs sleep (and others reserve); the second while runs dial.
    await waitUntil(RESERVED, 120, 60_000);
    const kills = [await killNine(runner)];
    runner = await startRunner();
    await waitUntil(DIALLED, 60, 60_000);
    kills.push(await killNine(runner));
    runner = await startRunner();
    await waitUntil(COMPLETED, RUNS, 60_000);

    const report = await withDb(async (c) => {
      const q = async (sql: string, params: unknown[] = []) => (await c.query(sql, params)).rows;
      const [bodies] = await q(`SELECT
          count(*) FILTER (WHERE step = 'reserve')::int AS reserve, count(*) FILTER (WHERE step = 'dial')::int AS dial,
          count(*) FILTER (WHERE step = 'record')::int AS record FROM crash_body`);
      const [txEffects] = await q(`SELECT count(*) FILTER (WHERE step = 'reserve')::int AS reserve,
          count(*) FILTER (WHERE step = 'record')::int AS record,
          count(DISTINCT (run_id, step))::int AS distinct FROM crash_effect_tx`);
      const [keyed] = await q(
        "SELECT count(*)::int AS dial, count(DISTINCT run_id)::int AS distinct FROM crash_effect_keyed",
      );
      // A body that started after its step's result was recorded would be a completed step run again.
      const [rerunAfterRecord] = await q(`SELECT count(*)::int AS n FROM crash_body b
          JOIN "JobStep" s ON s."runId" = b.run_id AND s.name = b.step AND s.done
          WHERE b.started_at > s."createdAt" AT TIME ZONE 'UTC'`);
      const [sleeps] = await q(
        `SELECT count(*)::int AS n,
          count(*) FILTER (WHERE "wakeAt" <= "createdAt" + make_interval(secs => $1)
            AND "wakeAt" > "createdAt" + make_interval(secs => $1 - 1))::int AS original_end,
          count(*) FILTER (WHERE "createdAt" < $2 AND "wakeAt" > $2 OR "createdAt" < $3 AND "wakeAt" > $3)::int AS spanned_kill
          FROM "JobStep" WHERE name = 'pause' AND done`,
        [SLEEP_MS / 1000, kills[0]!.toISOString().slice(0, -1), kills[1]!.toISOString().slice(0, -1)],
      );
      const [early] = await q(`SELECT count(*)::int AS n FROM crash_body b
          JOIN "JobStep" s ON s."runId" = b.run_id AND s.name = 'pause'
          WHERE b.step IN ('dial', 'record') AND b.started_at < s."wakeAt" AT TIME ZONE 'UTC'`);
      return { bodies, txEffects, keyed, rerunAfterRecord, sleeps, early };
    });
    console.table({
      "reserve (committed with result)": { bodies: report.bodies.reserve, effects: report.txEffects.reserve },
      "dial (idempotency key)": { bodies: report.bodies.dial, effects: report.keyed.dial },
      "record (committed with result)": { bodies: report.bodies.record, effects: report.txEffects.record },
    });
    console.log(
      `sleeps: ${report.sleeps.n} ended, ${report.sleeps.original_end} at their original end, ` +
        `${report.sleeps.spanned_kill} spanned a kill, ${report.early.n} steps ran before their run's sleep ended`,
    );

    expect(await count(COMPLETED)).toBe(RUNS);
    // Exactly once: one effect per run and step, however often a body ran.
    expect(report.txEffects).toEqual({ reserve: RUNS, record: RUNS, distinct: RUNS * 2 });
    expect(report.keyed).toEqual({ dial: RUNS, distinct: RUNS });
    // Case (b) really happened: dial bodies were cut off after their effect and ran again.
    expect(report.bodies.dial).toBeGreaterThan(RUNS);
    expect(report.bodies.reserve).toBeGreaterThanOrEqual(RUNS);
    expect(report.bodies.record).toBeGreaterThanOrEqual(RUNS);
    // Case (a) too: bodies of the steps that commit with their result were cut off after their
    // (uncommitted) effect and ran again, the effect still once. The first kill lands while runs
    // reserve; whether the second also catches a "record" body is timing, so either counts.
    expect(report.bodies.reserve + report.bodies.record).toBeGreaterThan(2 * RUNS);
    expect(report.rerunAfterRecord.n).toBe(0);
    // A sleep's end is fixed when the sleep is first reached (the row's createdAt, a moment after the
    // engine reported it) and kept through restarts; no later step starts before it.
    expect(report.sleeps).toMatchObject({ n: RUNS, original_end: RUNS });
    expect(report.sleeps.spanned_kill).toBeGreaterThan(0);
    expect(report.early.n).toBe(0);

    killGroup(runner);
    runner = undefined;
  }, 180_000);
});
