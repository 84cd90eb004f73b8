/**
 * The embedded job runner's cost: events/s through a 3-step function, and the latency from
 * `inngest.send` to the first step's body (p50/p95), against calling the same three bodies directly.
 *   BENCH_PG_PORT=54371 npx tsx bench/runner.ts
 */
import { cpus, loadavg } from "node:os";
import { Inngest } from "inngest";
import { createRunner } from "../inngest/runner/runner";
import { runPrisma } from "../scripts/prisma";
import { startEmbeddedPostgres } from "../server/db/embedded-postgres";
import { embeddedClientOptions } from "../server/job/event-route";

const THROUGHPUT_EVENTS = 1_000;
const LATENCY_EVENTS = 300;

const client = new Inngest({ id: "bench", ...embeddedClientOptions });
const latencies: number[] = [];
let completed = 0;

const body = {
  first: (sentAt: number) => {
    if (sentAt) latencies.push(performance.now() - sentAt);
    return { ok: 1 };
  },
  second: (x: { ok: number }) => ({ ok: x.ok + 1 }),
  third: (x: { ok: number }) => {
    completed++;
    return x.ok + 1;
  },
};

const threeSteps = client.createFunction(
  { id: "three-steps", triggers: { event: "bench/go" } },
  async ({ event, step }) => {
    const a = await step.run("first", () => body.first((event.data as { sentAt: number }).sentAt));
    const b = await step.run("second", () => body.second(a));
    return step.run("third", () => body.third(b));
  },
);

const percentile = (values: number[], p: number) => {
  const sorted = [...values].sort((x, y) => x - y);
  return sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))]!;
};

async function until(check: () => boolean) {
  while (!check()) await new Promise((r) => setTimeout(r, 5));
}

async function main() {
  const pg = await startEmbeddedPostgres({
    dataDir: ".data/bench-runner-pg",
    port: Number(process.env.BENCH_PG_PORT ?? 54371),
    database: `bench_${Date.now()}`,
  });
  if (runPrisma(["migrate", "deploy"], pg.url) !== 0) throw new Error("migrate failed");
  const runner = createRunner({ functions: [threeSteps], databaseUrl: pg.url, parallelRuns: 8 });
  runner.start();
  try {
    // Bare calls: the same three bodies, no runner.
    const t0 = performance.now();
    for (let i = 0; i < THROUGHPUT_EVENTS; i++) body.third(body.second(body.first(0)));
    const bareRate = THROUGHPUT_EVENTS / ((performance.now() - t0) / 1000);
    completed = 0;

    // Throughput: every event sent at once (in batches of 100), until every run completed.
    const t1 = performance.now();
    for (let i = 0; i < THROUGHPUT_EVENTS; i += 100) {
      await client.send(Array.from({ length: 100 }, () => ({ name: "bench/go", data: { sentAt: 0 } })));
    }
    await until(() => completed >= THROUGHPUT_EVENTS);
    const runnerRate = THROUGHPUT_EVENTS / ((performance.now() - t1) / 1000);

    // Latency: one event at a time on an idle runner, send → first step body.
    for (let i = 0; i < LATENCY_EVENTS; i++) {
      const before = completed;
      await client.send({ name: "bench/go", data: { sentAt: performance.now() } });
      await until(() => completed > before);
    }
    // Figures depend on what else the machine does: say how busy it was.
    const load = loadavg()
      .map((l) => l.toFixed(1))
      .join(" / ");
    console.log(`machine: ${cpus().length} cores, load average ${load} (1 / 5 / 15 min)`);
    console.log(`bare function calls          ${bareRate.toFixed(0).padStart(9)} calls/s`);
    console.log(`runner, 3-step function      ${runnerRate.toFixed(0).padStart(9)} events/s`);
    console.log(
      `send → first step (n=${LATENCY_EVENTS})   p50 ${percentile(latencies, 50).toFixed(1)} ms, p95 ${percentile(latencies, 95).toFixed(1)} ms (goal p95 < 50 ms)`,
    );
  } finally {
    await runner.stop();
    await pg.stop();
  }
}

main().catch((error) => {
  console.error(error);
  process.exit(1);
});
