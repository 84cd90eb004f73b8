/**
 * Runs the Prisma CLI offline: points PRISMA_SCHEMA_ENGINE_BINARY at a placeholder so the CLI
 * does not try to download its native engine (the JS engine in prisma.config.ts does the work),
 * and uses the embedded PostgreSQL when DATABASE_URL is not set.
 *   tsx scripts/prisma.ts migrate deploy | migrate dev --create-only --name x | generate | …
 */
import { spawnSync } from "node:child_process";
import { existsSync, mkdirSync, writeFileSync } from "node:fs";
import path from "node:path";
import { startEmbeddedPostgres } from "../server/db/embedded-postgres";
import { EMBEDDED_DATA_DIR, EMBEDDED_PORT } from "./paths";

export function prismaEnv(databaseUrl?: string): NodeJS.ProcessEnv {
  const placeholder = path.resolve("node_modules/.cache/faxport/no-native-schema-engine");
  if (!existsSync(placeholder)) {
    mkdirSync(path.dirname(placeholder), { recursive: true });
    writeFileSync(placeholder, "");
  }
  return {
    ...process.env,
    PRISMA_SCHEMA_ENGINE_BINARY: placeholder,
    PRISMA_HIDE_UPDATE_MESSAGE: "1",
    CHECKPOINT_DISABLE: "1", // no telemetry calls on an offline machine
    ...(databaseUrl ? { DATABASE_URL: databaseUrl } : {}),
  };
}

export function runPrisma(args: string[], databaseUrl?: string): number {
  const result = spawnSync(path.resolve("node_modules/.bin/prisma"), args, {
    stdio: "inherit",
    env: prismaEnv(databaseUrl),
  });
  return result.status ?? 1;
}

async function main() {
  const args = process.argv.slice(2);
  let url = process.env.DATABASE_URL;
  let stop = async () => {};
  if (!url && args[0] !== "generate" && args[0] !== "format" && args[0] !== "validate") {
    const pg = await startEmbeddedPostgres({ dataDir: EMBEDDED_DATA_DIR, port: EMBEDDED_PORT });
    url = pg.url;
    stop = pg.stop;
  }
  const code = runPrisma(args, url ?? "postgresql://unused@127.0.0.1:1/unused");
  await stop();
  process.exit(code);
}

if (import.meta.url === `file://${process.argv[1]}`) void main();
