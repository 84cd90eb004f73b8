/**
 * The embedded default, end to end: PostgreSQL under .data/ (unless DATABASE_URL is set),
 * migrations, demo seed, a build when sources changed, then `next start`. Prints URL and logins.
 */
import { type ChildProcess, spawn } from "node:child_process";
import { randomBytes } from "node:crypto";
import { existsSync, mkdirSync, readFileSync, writeFileSync } from "node:fs";
import net from "node:net";
import path from "node:path";
// Modules that use the Prisma client are imported after `prisma generate` has written it.
import { startEmbeddedPostgres } from "../server/db/embedded-postgres";
import { ensurePortalBuilt } from "./build-portal";
import { DATA_DIR, EMBEDDED_DATA_DIR, EMBEDDED_PORT } from "./paths";
import { clientIsCurrent, pendingMigrations, runPrisma } from "./prisma";

const dev = process.argv.includes("--dev");
const port = Number(process.env.PORT ?? 3000);
const say = (m: string) => console.log(`› ${m}`);

function authSecret(): string {
  if (process.env.AUTH_SECRET) return process.env.AUTH_SECRET;
  const file = path.join(DATA_DIR, "auth-secret");
  if (!existsSync(file)) writeFileSync(file, randomBytes(48).toString("base64url"), { mode: 0o600 });
  return readFileSync(file, "utf8").trim();
}

/** Fails early, with the setting to change, when another program already listens on the web port. */
async function ensurePortFree(): Promise<void> {
  const free = await new Promise<boolean>((resolve) => {
    const probe = net.createServer();
    probe.once("error", () => resolve(false));
    probe.listen(port, () => probe.close(() => resolve(true)));
  });
  if (!free) {
    const setting = process.env.FAXPORT_PORT_SETTING ?? "PORT"; // tests start this script under their own names
    throw new Error(
      `port ${port} is already in use by another program (perhaps Faxport from another clone, or a ` +
        `second \`npm start\`). Stop that program, or choose a free port with ${setting}, e.g. \`${setting}=${port + 1}\`.`,
    );
  }
}

async function main() {
  if (existsSync(".env")) process.loadEnvFile(".env"); // production settings, see .env.example
  await ensurePortFree();
  mkdirSync(DATA_DIR, { recursive: true });
  let stopDb = async () => {};
  let databaseUrl = process.env.DATABASE_URL;
  if (!databaseUrl) {
    say(`Starting the embedded PostgreSQL (data in ${path.relative(process.cwd(), EMBEDDED_DATA_DIR)})…`);
    const pg = await startEmbeddedPostgres({
      dataDir: EMBEDDED_DATA_DIR,
      port: EMBEDDED_PORT,
      portSetting: process.env.FAXPORT_PG_PORT_SETTING ?? "FAXPORT_PG_PORT",
    });
    databaseUrl = pg.url;
    stopDb = pg.stop;
  } else {
    say("Using the PostgreSQL given by DATABASE_URL.");
  }
  // One environment for the portal (next, a child) and the job runner (this process): a job step
  // reads the same settings as a web request (mail and links need AUTH_SECRET, see server/read-env.ts).
  Object.assign(process.env, { DATABASE_URL: databaseUrl, AUTH_SECRET: authSecret(), NEXT_TELEMETRY_DISABLED: "1" });
  const env: NodeJS.ProcessEnv = { ...process.env };

  if (!clientIsCurrent()) {
    say("Generating the Prisma client…");
    if (runPrisma(["generate"], databaseUrl) !== 0) throw new Error("prisma generate failed");
  }
  const pending = await pendingMigrations(databaseUrl);
  if (pending.length) {
    say(`Applying ${pending.length} database migration(s)…`);
    if (runPrisma(["migrate", "deploy"], databaseUrl) !== 0) throw new Error("prisma migrate deploy failed");
  } else {
    say("Database schema is up to date.");
  }

  const { DEMO_LOGINS, seedDemo } = await import("../prisma/seed");
  const { disconnectDb } = await import("../server/db/client");
  const { systemDb } = await import("../server/db/system-db");
  const { startEmbeddedRunner } = await import("../inngest/runner/start-embedded-runner");
  const { startEventForwarder } = await import("../inngest/event-forwarder");
  if (process.env.FAXPORT_SEED !== "false") {
    const seeded = await seedDemo(systemDb());
    say(seeded ? "Seeded the demo platform, tenants, trunk and DIDs." : "Demo data already present — keeping it.");
  }
  // Decrypted pages a killed process left in the scratch root go before any job can run.
  const { sweepScratch } = await import("../server/gateway/convert/scratch-root");
  const swept = sweepScratch();
  if (swept.length) say(`Removed ${swept.length} folder(s) of decrypted work left by a stopped process.`);
  // Without an Inngest server the same functions (crons included) run here, state in PostgreSQL.
  const runner = startEmbeddedRunner({ databaseUrl });
  // With an Inngest server, events left undelivered (a failure, a crash after commit) are re-sent.
  const forwarder = runner ? null : startEventForwarder({ databaseUrl });
  say(runner ? "Job runner started (embedded)." : "Jobs run on the configured Inngest server.");

  let next: ChildProcess;
  if (dev) {
    next = spawn("node_modules/.bin/next", ["dev", "-p", String(port)], { stdio: "inherit", env });
  } else {
    await ensurePortalBuilt(env, say);
    next = spawn("node_modules/.bin/next", ["start", "-p", String(port)], {
      stdio: ["inherit", "pipe", "inherit"],
      env: { ...env, NODE_ENV: "production" },
    });
    next.stdout?.on("data", (chunk: Buffer) => {
      process.stdout.write(chunk);
      if (chunk.toString().includes("Ready")) printWelcome(DEMO_LOGINS);
    });
  }

  let stopping = false;
  const shutdown = async () => {
    stopping = true;
    next.kill("SIGTERM");
    await runner?.stop();
    await forwarder?.stop();
    await disconnectDb();
    await stopDb();
    process.exit(0);
  };
  process.on("SIGINT", shutdown);
  process.on("SIGTERM", shutdown);
  next.on("exit", async (code, signal) => {
    await runner?.stop();
    await forwarder?.stop();
    await stopDb();
    if (stopping) return;
    // The portal stopped on its own: that is a failure, whatever code it left.
    console.error(`\nFaxport stopped: the web server exited (${code ?? signal}).`);
    process.exit(code || 1);
  });
}

function printWelcome(logins: readonly { site: string; role: string; username: string; password: string }[]) {
  const lines = [
    "",
    "Faxport is running.",
    `  Platform administration: http://localhost:${port}`,
    `  Acme Health portal:      http://acme.localhost:${port}`,
    `  Globex portal:           http://globex.localhost:${port}`,
    "",
    "Demo logins:",
    ...logins.map(
      (l) =>
        `  ${l.site.replace("{port}", String(port)).padEnd(34)} ${l.username.padEnd(14)} ${l.password.padEnd(20)} (${l.role})`,
    ),
    "",
    "Emails (password resets…) go to the outbox: sign in as admin → Administration → Mail Outbox.",
    "Press Ctrl+C to stop. Data stays in .data/ for the next start.",
    "",
  ];
  console.log(lines.join("\n"));
}

main().catch((error) => {
  console.error(`\nFaxport could not start: ${error instanceof Error ? error.message : String(error)}`);
  process.exit(1);
});
