/**
 * The Prisma client, one per process, on the process's one connection pool — which the plain-SQL
 * reads of a scoped transaction (plain-read.ts) borrow from too, so a process holds at most
 * POOL_SIZE connections for its requests. The client connects as the application role and is not
 * scoped by itself: outside server/db/ it is reached only as `systemDb()` (system-db.ts) for the
 * system's own work, or through `runInScope` (run-in-scope.ts), where row-level security applies.
 * The layer check (scripts/check-layers.mjs) keeps imports of this file inside server/db/.
 */
import { PrismaPg } from "@prisma/adapter-pg";
import { PrismaClient } from "@prisma/client";
import pg from "pg";
import { profiling } from "../http/request-profile";
import { sendScopeWithBegin } from "./scoped-begin";
import { timedAdapter } from "./timed-adapter";

export const POOL_SIZE = 10;

function createClient(url: string) {
  const pool = new pg.Pool({ connectionString: url, max: POOL_SIZE, application_name: "faxport" });
  // An idle connection dropped by the server (restart, kill) must not crash the process.
  pool.on("error", (error) => console.error("database pool:", error.message));
  sendScopeWithBegin(pool);
  const adapter = new PrismaPg(pool);
  const prisma = new PrismaClient({ adapter: profiling ? timedAdapter(adapter) : adapter });
  return { prisma, pool };
}

export type Db = ReturnType<typeof createClient>["prisma"];

const globalForDb = globalThis as unknown as {
  faxportDb?: ReturnType<typeof createClient>;
  faxportDbUrl?: string;
};

/** One client per process (and per DATABASE_URL, so tests can point at their own database). */
function current(): ReturnType<typeof createClient> {
  const url = process.env.DATABASE_URL;
  if (!url) throw new Error("DATABASE_URL is not set");
  if (!globalForDb.faxportDb || globalForDb.faxportDbUrl !== url) {
    globalForDb.faxportDb = createClient(url);
    globalForDb.faxportDbUrl = url;
  }
  return globalForDb.faxportDb;
}

export function getDb(): Db {
  return current().prisma;
}

/** The pool under the Prisma client, for the plain-SQL side of a scoped transaction (plain-read.ts). */
export function getPool(): pg.Pool {
  return current().pool;
}

export async function disconnectDb(): Promise<void> {
  const db = globalForDb.faxportDb;
  globalForDb.faxportDb = undefined;
  await db?.prisma.$disconnect();
  await db?.pool.end();
}
