/**
 * Submit → first dial on the embedded default: 1,000 faxes sent through the Send Fax service
 * (one scoped transaction each: validation, limits, jobs, event after commit), picked up by the
 * embedded runner and dialled on a loopback trunk (real T.30 sessions, no line-time waiting), with
 * p50/p95 of the time from submit to the gateway's dial — beside a bare insert of the same rows.
 *   BENCH_PG_PORT=54372 npx tsx bench/time-to-first-dial.ts   (BENCH_SENDS, BENCH_IN_FLIGHT, BENCH_PARALLEL_RUNS)
 * Runs with the embedded default's 16 job slots (`npm start` starts the runner with FAXPORT_JOB_SLOTS,
 * default 16); with only 4 the dials fall behind, since a run holds its slot for the whole call.
 */
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { runPrisma } from "../scripts/prisma";
import { startEmbeddedPostgres } from "../server/db/embedded-postgres";

const SENDS = Number(process.env.BENCH_SENDS ?? 1_000);
/** Submitters working at once (people pressing Send). */
const IN_FLIGHT = Number(process.env.BENCH_IN_FLIGHT ?? 1);
/** Runs one runner executes at once — the embedded default's FAXPORT_JOB_SLOTS (16): a run holds its slot for a whole call. */
const PARALLEL_RUNS = Number(process.env.BENCH_PARALLEL_RUNS ?? process.env.FAXPORT_JOB_SLOTS ?? 16);

const percentile = (values: number[], p: number) => {
  const sorted = [...values].sort((x, y) => x - y);
  return sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))]!;
};
const summary = (values: number[]) =>
  `p50 ${percentile(values, 50).toFixed(1).padStart(7)} ms, p95 ${percentile(values, 95).toFixed(1).padStart(7)} ms, max ${Math.max(...values).toFixed(0)} ms`;

async function pool(count: number, work: (i: number) => Promise<void>) {
  let next = 0;
  await Promise.all(
    Array.from({ length: IN_FLIGHT }, async () => {
      while (next < count) await work(next++);
    }),
  );
}

async function main() {
  const pg = await startEmbeddedPostgres({
    dataDir: ".data/bench-dial-pg",
    port: Number(process.env.BENCH_PG_PORT ?? 54372),
    database: `bench_${Date.now()}`,
  });
  if (runPrisma(["migrate", "deploy"], pg.url) !== 0) throw new Error("migrate failed");
  process.env.DATABASE_URL = pg.url;
  const { getDb, disconnectDb } = await import("../server/db/client");
  const { runInScope } = await import("../server/db/run-in-scope");
  const { sendFaxes } = await import("../server/fax/send-faxes");
  const { setSendFaxRuntime } = await import("../server/fax/send-fax-runtime");
  const { GatewayRegistry } = await import("../server/gateway/gateway-registry");
  const { createLocalStorage } = await import("../server/storage/local-storage");
  const { createRunner } = await import("../inngest/runner/runner");
  const { sendFaxFunction } = await import("../inngest/functions/send-fax");
  const { prepareFaxDocument, testGatewayKeyRing } = await import("../tests/support/fax-document");

  const db = getDb();
  const tenant = await db.tenant.create({
    data: { name: "Bench", slug: `bench-${Date.now()}`, dailyFaxLimit: 1_000_000, monthlyFaxLimit: 1_000_000 },
  });
  const user = await db.user.create({
    data: { tenantId: tenant.id, username: "bench", email: "bench@bench.test", role: "USER", passwordHash: "x" },
  });
  await db.did.create({ data: { number: "+12125550190", tenantId: tenant.id, userId: user.id } });
  await db.trunk.create({
    data: { name: "Bench loopback", host: "loopback.invalid", maxChannels: 1_000, maxCallsPerMinute: 1_000_000 },
  });
  const keys = testGatewayKeyRing();
  const storeDir = mkdtempSync(path.join(tmpdir(), "faxport-bench-store-"));
  const storage = createLocalStorage(storeDir);
  const doc = await prepareFaxDocument({
    tenantId: tenant.id,
    ownerId: user.id,
    pages: 1,
    quality: "FINE",
    storage,
    gatewayKeys: keys,
  });

  // The gateway notes when each number is first dialled.
  const firstDial = new Map<string, number>();
  const gateways = new GatewayRegistry({
    loopback: { timeScale: 0 },
    freeswitch: null,
    httpApi: null,
  });
  const loopback = gateways.forTrunk({ driver: "LOOPBACK" });
  const send = loopback.send.bind(loopback);
  loopback.send = (request) => {
    if (!firstDial.has(request.to)) firstDial.set(request.to, performance.now());
    return send(request);
  };
  setSendFaxRuntime({ gateways, storage, gatewayKeys: keys });

  const runner = createRunner({ functions: [sendFaxFunction], databaseUrl: pg.url, parallelRuns: PARALLEL_RUNS });
  runner.start();
  const actor = { id: user.id, username: user.username, role: user.role, tenantId: tenant.id, permissions: [] };
  const number = (i: number) => `+1312${String(5_550_000 + i).slice(-7)}`;
  try {
    const submitted = new Map<string, number>();
    const submitMs: number[] = [];
    const t0 = performance.now();
    await pool(SENDS, async (i) => {
      const to = number(i);
      const gatewaySealedKey = await doc.sealAgain(); // the browser's work, not timed
      const at = performance.now();
      submitted.set(to, at);
      await runInScope({ scope: { kind: "tenant", tenantId: tenant.id }, actor, write: true }, (ctx) =>
        sendFaxes({
          ctx: { ...ctx, actor },
          input: {
            documentId: doc.document.id,
            destinations: [to],
            attempts: 1,
            retryMinutes: 5,
            quality: "FINE",
            gatewaySealedKey,
          },
        }),
      );
      submitMs.push(performance.now() - at);
    });
    const submitSeconds = (performance.now() - t0) / 1000;
    while (firstDial.size < SENDS) await new Promise((r) => setTimeout(r, 20));
    const toDial = [...submitted].map(([to, at]) => firstDial.get(to)! - at);

    // The same rows, inserted bare (no validation, limits, scope or event).
    const bareMs: number[] = [];
    await pool(SENDS, async (i) => {
      const at = performance.now();
      await db.faxJob.create({
        data: {
          tenantId: tenant.id,
          userId: user.id,
          documentId: doc.document.id,
          toNumber: number(SENDS + i),
          callerId: "+12125550190",
        },
      });
      bareMs.push(performance.now() - at);
    });
    console.log(
      `${SENDS} sends, ${IN_FLIGHT} submitter(s) at once, ${(SENDS / submitSeconds).toFixed(1)} sends/s, runner ${PARALLEL_RUNS} runs at once`,
    );
    console.log(`fax.send (scoped transaction)  ${summary(submitMs)}`);
    console.log(`submit → first dial            ${summary(toDial)}   (goal p95 < 500 ms)`);
    console.log(`bare insert of the same rows   ${summary(bareMs)}`);
  } finally {
    await runner.stop();
    await gateways.close();
    await disconnectDb();
    await pg.stop();
    rmSync(storeDir, { recursive: true, force: true }); // its fax pages go with the bench
  }
}

main().catch((error) => {
  console.error(error);
  process.exit(1);
});
