/**
 * One real PostgreSQL (the same embedded server `npm start` uses) for the whole test run.
 * Migrations are applied once to a template database; each test file gets a copy of it. The template
 * is kept between runs while prisma/migrations is unchanged (its fingerprint is the database's comment). Tests
 * connect as the application role `faxport_app`, like the portal; the superuser URL is only for
 * creating and dropping databases.
 */
import { createHash } from "node:crypto";
import { readdirSync, readFileSync } from "node:fs";
import path from "node:path";
import pg from "pg";
import type { TestProject } from "vitest/node";
import { runPrismaAsync } from "../../scripts/prisma";
import { APP_ROLE, startEmbeddedPostgres } from "../../server/db/embedded-postgres";

export const TEMPLATE_DB = "faxport_template";

export default async function setup(project: TestProject) {
  const server = await startEmbeddedPostgres({
    dataDir: path.resolve(process.env.FAXPORT_TEST_PG_DIR ?? ".data/test-pg"),
    port: Number(process.env.FAXPORT_TEST_PG_PORT ?? 54330),
    portSetting: "FAXPORT_TEST_PG_PORT",
    database: "postgres",
    // Throwaway data: waiting for the disk on every commit and CREATE DATABASE only slows the tests.
    flushToDisk: false,
  });
  const admin = new pg.Client({ connectionString: server.adminUrl });
  await admin.connect();
  // Leftovers of earlier runs (a crashed run cannot clean up after itself).
  const { rows } = await admin.query<{ datname: string }>(
    "SELECT datname FROM pg_database WHERE datname LIKE 'faxport_test_%'",
  );
  for (const { datname } of rows) await admin.query(`DROP DATABASE "${datname}" WITH (FORCE)`);
  const fingerprint = migrationsFingerprint();
  const { rows: kept } = await admin.query<{ comment: string | null }>(
    "SELECT shobj_description(oid, 'pg_database') AS comment FROM pg_database WHERE datname = $1",
    [TEMPLATE_DB],
  );
  if (kept[0]?.comment !== fingerprint) {
    await admin.query(`DROP DATABASE IF EXISTS "${TEMPLATE_DB}" WITH (FORCE)`);
    await admin.query(`CREATE DATABASE "${TEMPLATE_DB}" OWNER ${APP_ROLE}`);
    const code = await runPrismaAsync(["migrate", "deploy"], server.appUrlFor(TEMPLATE_DB));
    if (code !== 0) throw new Error("prisma migrate deploy failed on the test template database");
    // Only a completely migrated template is marked for reuse.
    await admin.query(`COMMENT ON DATABASE "${TEMPLATE_DB}" IS '${fingerprint}'`);
  }
  await admin.end();

  project.provide("pgAdminUrl", server.adminUrl);
  project.provide("pgAppUrl", server.appUrlFor("{db}"));
  project.provide("pgTemplate", TEMPLATE_DB);
  return async () => {
    await server.stop();
  };
}

/** Changes whenever a migration is added, renamed or edited. */
function migrationsFingerprint(): string {
  const hash = createHash("sha256");
  const dir = "prisma/migrations";
  for (const name of readdirSync(dir).sort()) {
    const file = path.join(dir, name, "migration.sql");
    hash.update(name);
    try {
      hash.update(readFileSync(file));
    } catch {
      // not a migration folder (migration_lock.toml)
    }
  }
  return `migrations:${hash.digest("hex")}`;
}

declare module "vitest" {
  export interface ProvidedContext {
    /** Superuser, maintenance database: only for CREATE/DROP DATABASE. */
    pgAdminUrl: string;
    /** The application role; replace `{db}` with a database name. */
    pgAppUrl: string;
    pgTemplate: string;
  }
}
