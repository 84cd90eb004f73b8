/** Gives each integration test file its own database, copied from the migrated template. */
import { randomBytes } from "node:crypto";
import pg from "pg";
import { afterAll, inject } from "vitest";
import { APP_ROLE } from "../../server/db/app-role";

const adminUrl = inject("pgAdminUrl");
const template = inject("pgTemplate");
const name = `faxport_test_${randomBytes(6).toString("hex")}`;

const admin = new pg.Client({ connectionString: adminUrl });
await admin.connect();
await admin.query(`CREATE DATABASE "${name}" TEMPLATE "${template}" OWNER ${APP_ROLE}`);
await admin.end();

// The application role, as in production: not a superuser.
process.env.DATABASE_URL = inject("pgAppUrl").replace("{db}", name);
process.env.AUTH_SECRET ??= "test-secret-test-secret-test-secret-0123456789";
process.env.PLATFORM_HOSTS ??= "localhost,127.0.0.1";
// Cheap password hashing for tests (the browser's Argon2id runs in each sign-in helper).
process.env.FAXPORT_KDF_OPS ??= "1";
process.env.FAXPORT_KDF_MEM_MIB ??= "8";

afterAll(async () => {
  const { disconnectDb } = await import("../../server/db/client");
  await disconnectDb();
  const cleanup = new pg.Client({ connectionString: adminUrl });
  await cleanup.connect();
  await cleanup.query(`DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`);
  await cleanup.end();
});
