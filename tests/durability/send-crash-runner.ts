/**
 * The process the send crash test kills: the embedded PostgreSQL under its data dir, migrations, and
 * the embedded job runner with the real send-fax function, its runtime built from the environment as
 * `npm start` builds it (loopback trunk with its dial log and time scale, storage and gateway key under
 * FAXPORT_DATA_DIR). On its first start (SEND_CRASH_SUBMIT=1) it also makes an organisation with a
 * Ready document and submits the batch through the Send Fax service — validation, limits, jobs and
 * events in one transaction each, as from the page. Prints "ready" once the runner takes work.
 */
import path from "node:path";
import { pendingMigrations, runPrismaAsync } from "../../scripts/prisma";
import { startEmbeddedPostgres } from "../../server/db/embedded-postgres";
import { SEND_CRASH_BATCH } from "./send-crash-settings";

async function main() {
  const dataDir = process.env.FAXPORT_DATA_DIR!;
  const port = Number(process.env.DURABILITY_PG_PORT ?? 54360);
  const pg = await startEmbeddedPostgres({
    dataDir: path.resolve(dataDir, "pg"),
    port,
    portSetting: "DURABILITY_PG_PORT",
  });
  if ((await pendingMigrations(pg.url)).length && (await runPrismaAsync(["migrate", "deploy"], pg.url)) !== 0) {
    throw new Error("prisma migrate deploy failed");
  }
  process.env.DATABASE_URL = pg.url; // read by the modules below when first used
  // As `npm start` does: what a killed run left decrypted goes before any job runs.
  (await import("../../server/gateway/convert/scratch-root")).sweepScratch();
  const { createRunner } = await import("../../inngest/runner/runner");
  const { sendFaxFunction } = await import("../../inngest/functions/send-fax");
  if (process.env.SEND_CRASH_SUBMIT === "1") await submitBatch();
  const runner = createRunner({
    functions: [sendFaxFunction],
    databaseUrl: pg.url,
    workerId: `send-crash-${process.pid}`,
    leaseMs: 4_000, // a dead process's runs are taken over this soon after a restart
    pollMs: 100,
    parallelRuns: 16, // the embedded default
  });
  runner.start();
  process.stdout.write("ready\n");
}

async function submitBatch() {
  const { getDb } = await import("../../server/db/client");
  const { runInScope } = await import("../../server/db/run-in-scope");
  const { sendFaxes } = await import("../../server/fax/send-faxes");
  const { sendFaxRuntime } = await import("../../server/fax/send-fax-runtime");
  const { createStorage } = await import("../../server/storage/create-storage");
  const { prepareFaxDocument } = await import("../support/fax-document");
  const db = getDb();
  const tenant = await db.tenant.create({
    data: { name: "Crash Co", slug: "crash-co", dailyFaxLimit: 10_000, monthlyFaxLimit: 10_000 },
  });
  const user = await db.user.create({
    data: { tenantId: tenant.id, username: "sender", email: "sender@crash.test", role: "USER", passwordHash: "" },
  });
  await db.did.create({ data: { number: "+12125550199", tenantId: tenant.id, userId: user.id } });
  // Channels for every job slot, and no calls-per-minute pacing: the batch goes as fast as it can.
  await db.trunk.create({
    data: {
      name: "Loopback",
      host: "loopback.invalid",
      driver: "LOOPBACK",
      maxChannels: 16,
      maxCallsPerMinute: 100_000,
    },
  });
  const doc = await prepareFaxDocument({
    tenantId: tenant.id,
    ownerId: user.id,
    pages: 1,
    quality: "STANDARD",
    storage: createStorage(),
    gatewayKeys: sendFaxRuntime().gatewayKeys, // the runner's own ring: FAXPORT_DATA_DIR/gateway-keys
  });
  const actor = { id: user.id, username: user.username, role: user.role, tenantId: tenant.id, permissions: [] };
  for (const group of SEND_CRASH_BATCH) {
    for (const to of group.numbers) {
      await runInScope({ scope: { kind: "tenant", tenantId: tenant.id }, actor, write: true }, (ctx) =>
        sendFaxes({
          ctx: { ...ctx, actor },
          input: {
            documentId: doc.document.id,
            destinations: [to],
            attempts: group.attempts,
            retryMinutes: 1,
            quality: "STANDARD",
            gatewaySealedKey: doc.gatewaySealedKey,
          },
        }),
      );
    }
  }
}

main().catch((error) => {
  console.error(error);
  process.exit(1);
});
