/**
 * Runs the Prisma CLI offline: points PRISMA_SCHEMA_ENGINE_BINARY at a placeholder so the CLI
 * does not try to download its native engine (the JS engine in prisma.config.ts does the work),
 * and uses the embedded PostgreSQL when DATABASE_URL is not set.
 *   tsx scripts/prisma.ts migrate deploy | migrate dev --create-only --name x | generate | …
 */
import { spawn, spawnSync } from "node:child_process";
import { existsSync, mkdirSync, readFileSync, writeFileSync } from "node:fs";
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
    NODE_OPTIONS: [process.env.NODE_OPTIONS, `--require ${JSON.stringify(path.resolve("scripts/prisma-preload.cjs"))}`]
      .filter(Boolean)
      .join(" "),
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

/** `runPrisma` without blocking the event loop (in tests, where workers must keep answering). */
export function runPrismaAsync(args: string[], databaseUrl?: string): Promise<number> {
  return new Promise((resolve, reject) => {
    const child = spawn(path.resolve("node_modules/.bin/prisma"), args, {
      stdio: "inherit",
      env: prismaEnv(databaseUrl),
    });
    child.on("error", reject);
    child.on("exit", (code) => resolve(code ?? 1));
  });
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

if (import.meta.url === `file://${process.argv[1]}`) {
  main().catch((error) => {
    console.error(error instanceof Error ? error.message : String(error));
    process.exit(1);
  });
}

/** Migration folders not yet applied to the database at `url` (all of them on an empty database). */
export async function pendingMigrations(url: string): Promise<string[]> {
  const { readdirSync } = await import("node:fs");
  const pg = (await import("pg")).default;
  const dirs = readdirSync("prisma/migrations", { withFileTypes: true })
    .filter((d) => d.isDirectory())
    .map((d) => d.name)
    .sort();
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    const { rows } = await client.query<{ name: string | null }>(
      `SELECT to_regclass('"_prisma_migrations"')::text AS name`,
    );
    if (!rows[0]?.name) return dirs;
    const applied = await client.query<{ migration_name: string }>(
      `SELECT migration_name FROM "_prisma_migrations" WHERE finished_at IS NOT NULL AND rolled_back_at IS NULL`,
    );
    const done = new Set(applied.rows.map((r) => r.migration_name));
    return dirs.filter((d) => !done.has(d));
  } finally {
    await client.end();
  }
}

/** True when the generated client was made from the current schema (generation can be skipped). */
export function clientIsCurrent(): boolean {
  const generated = path.resolve("node_modules/.prisma/client/schema.prisma");
  // `prisma generate` keeps a copy it has formatted (columns aligned): compared as written, it never
  // matched, and every start generated the client again.
  const blanksCollapsed = (file: string) => readFileSync(file, "utf8").replace(/[ \t]+/g, " ");
  return existsSync(generated) && blanksCollapsed(generated) === blanksCollapsed("prisma/schema.prisma");
}
