/**
 * `kill -9` of everything while a batch of 200 faxes is being sent — the runner process with the
 * loopback trunk and its PostgreSQL alike — twice, with calls in flight; after the last restart
 * every fax ends, and no destination was dialled more often than its retry policy allows, counted by
 * the loopback network's own dial log (appended before each dial, so it outlives the kills). The
 * process is tests/durability/send-crash-runner.ts; it runs the real send-fax function.
 */
import type { ChildProcess } from "node:child_process";
import { existsSync, mkdirSync, readFileSync, rmSync } from "node:fs";
import path from "node:path";
import type pg from "pg";
import { afterAll, describe, expect, it } from "vitest";
import { SEND_CRASH_BATCH, SEND_CRASH_SENDS } from "./send-crash-settings";
import { durabilityPgPort } from "./support/ports";
import { alive, killGroup, postmasterPid, startDetached, withDb as withDbAt } from "./support/process-group";

const DATA_DIR = ".data/send-crash";
const DIAL_LOG = path.resolve(DATA_DIR, "dials.log");
const PG_PORT = durabilityPgPort(2);
const DB_URL = `postgresql://faxport_app:faxport-local@127.0.0.1:${PG_PORT}/faxport`;

let child: ChildProcess | undefined;

function start(submit: boolean): Promise<ChildProcess> {
  return startDetached({
    script: "tests/durability/send-crash-runner.ts",
    env: {
      FAXPORT_DATA_DIR: DATA_DIR,
      DURABILITY_PG_PORT: String(PG_PORT),
      FAXPORT_LOOPBACK_DIAL_LOG: DIAL_LOG,
      // Line time at 1/20: a one-page fax takes about a second, a call nobody answers under three.
      FAXPORT_LOOPBACK_TIME_SCALE: "0.05",
      SEND_CRASH_SUBMIT: submit ? "1" : "0",
    },
    ready: "ready\n",
    timeoutMs: 180_000,
    what: "the send runner",
  });
}

const dials = () =>
  existsSync(DIAL_LOG) ? readFileSync(DIAL_LOG, "utf8").split("\n").filter(Boolean) : ([] as string[]);

async function waitFor(what: string, done: () => Promise<boolean> | boolean, timeoutMs: number) {
  const deadline = Date.now() + timeoutMs;
  while (!(await done())) {
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 50));
  }
}

const withDb = <T>(fn: (c: pg.Client) => Promise<T>) => withDbAt(DB_URL, fn);
const inFlight = () =>
  withDb(
    async (c) => (await c.query(`SELECT count(*)::int AS n FROM "FaxJob" WHERE status = 'IN_PROGRESS'`)).rows[0]!.n,
  );

/** kill -9 of the process group, PostgreSQL included, at a moment calls are in flight. */
async function killNine(proc: ChildProcess) {
  const calls = await inFlight();
  const pgPid = postmasterPid(DATA_DIR);
  killGroup(proc);
  for (let i = 0; i < 100 && (alive(pgPid) || alive(proc.pid!)); i++) await new Promise((r) => setTimeout(r, 50));
  expect(alive(proc.pid!)).toBe(false);
  expect(alive(pgPid)).toBe(false);
  return calls;
}

afterAll(() => {
  if (child?.pid) {
    try {
      killGroup(child);
    } catch {}
  }
});

describe("kill -9 of everything while a batch of faxes is sent", () => {
  it("every fax ends and no number is dialled more often than its attempts allow", async () => {
    const startedAt = Date.now();
    rmSync(DATA_DIR, { recursive: true, force: true });
    mkdirSync(DATA_DIR, { recursive: true });
    child = await start(true);

    // The first kill a little into the batch, the second well into it: both with calls up.
    await waitFor("40 dials", () => dials().length >= 40, 90_000);
    const cutFirst = await killNine(child);
    child = await start(false);
    await waitFor("120 dials", () => dials().length >= 120, 90_000);
    const cutSecond = await killNine(child);
    child = await start(false);

    const open = `SELECT count(*)::int AS n FROM "FaxJob" WHERE status IN ('QUEUED', 'IN_PROGRESS')`;
    await waitFor("every fax to end", () => withDb(async (c) => (await c.query(open)).rows[0]!.n === 0), 150_000);

    const report = await withDb(async (c) => {
      const jobs = (
        await c.query<{ to: string; status: string; maxRetries: number; attempts: number; open: number; cut: number }>(
          `SELECT j."toNumber" AS to, j.status::text AS status, j."maxRetries" AS "maxRetries",
             count(a.id)::int AS attempts, count(a.id) FILTER (WHERE a."endedAt" IS NULL)::int AS open,
             count(a.id) FILTER (WHERE a."resultText" LIKE 'The call was cut off%')::int AS cut
           FROM "FaxJob" j LEFT JOIN "FaxAttempt" a ON a."faxJobId" = j.id GROUP BY j.id`,
        )
      ).rows;
      const interrupted = (
        await c.query<{ n: number }>(
          `SELECT count(*)::int AS n FROM "FaxAttempt" WHERE "resultText" LIKE 'The call was cut off when the server stopped%'`,
        )
      ).rows[0]!.n;
      return { jobs, interrupted };
    });
    const dialled = new Map<string, number>();
    for (const to of dials()) dialled.set(to, (dialled.get(to) ?? 0) + 1);
    const byStatus = Object.fromEntries(
      ["SENT", "FAILED", "CANCELLED"].map((s) => [s, report.jobs.filter((j) => j.status === s).length]),
    );
    const redialled = [...dialled.values()].filter((n) => n > 1).length;
    console.log(
      `${SEND_CRASH_SENDS} sends, 2 kills (calls in flight: ${cutFirst}, ${cutSecond}), ` +
        `${dials().length} dials, ${redialled} numbers dialled more than once, ` +
        `${report.interrupted} attempts cut by a kill, outcome ${JSON.stringify(byStatus)}, ` +
        `${((Date.now() - startedAt) / 1000).toFixed(0)} s`,
    );

    // One fax per destination, each ended, no attempt left open.
    expect(report.jobs).toHaveLength(SEND_CRASH_SENDS);
    expect(new Set(report.jobs.map((j) => j.to)).size).toBe(SEND_CRASH_SENDS);
    expect(report.jobs.filter((j) => !["SENT", "FAILED", "CANCELLED"].includes(j.status))).toEqual([]);
    expect(report.jobs.filter((j) => j.open > 0)).toEqual([]);
    // The kills really caught calls in flight.
    expect(cutFirst + cutSecond).toBeGreaterThan(0);

    // The loopback's own count against each policy: dialled at least once, never beyond its attempts.
    const allowed = new Map(SEND_CRASH_BATCH.flatMap((g) => g.numbers.map((n) => [n, g.attempts] as const)));
    const overDialled = [...allowed].filter(([n, max]) => (dialled.get(n) ?? 0) > max);
    const neverDialled = [...allowed].filter(([n]) => !dialled.has(n));
    expect(overDialled).toEqual([]);
    expect(neverDialled).toEqual([]);
    expect([...dialled.keys()].filter((n) => !allowed.has(n))).toEqual([]);
    // Each job's attempts agree with its policy too.
    expect(report.jobs.filter((j) => j.attempts > j.maxRetries + 1)).toEqual([]);
    // Every working fax machine got its fax, unless a kill cut every one of its attempts.
    const machines = new Set(SEND_CRASH_BATCH[0]!.numbers);
    expect(report.jobs.filter((j) => machines.has(j.to) && j.status !== "SENT" && j.cut < j.attempts)).toEqual([]);
    // A call cut by a kill was recorded as such, and the kills did cut some.
    expect(report.interrupted).toBeGreaterThan(0);

    killGroup(child);
    child = undefined;
    rmSync(DATA_DIR, { recursive: true, force: true });
  }, 420_000);
});
