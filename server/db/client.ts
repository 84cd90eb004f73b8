/**
 * The Prisma client, one per process. It connects as the application role and is not scoped by
 * itself: outside server/db/ it is reached only as `systemDb()` (system-db.ts) for the system's own
 * work, or through `runInScope` (run-in-scope.ts), where row-level security applies. The layer
 * check (scripts/check-layers.mjs) keeps imports of this file inside server/db/.
 */
import { PrismaPg } from "@prisma/adapter-pg";
import { PrismaClient } from "@prisma/client";
import { profiling } from "../http/request-profile";
import { closePlainPool } from "./plain-pool";
import { scopedBeginAdapter } from "./scoped-begin";
import { timedAdapter } from "./timed-adapter";

function createClient(url: string) {
  const adapter = scopedBeginAdapter(new PrismaPg({ connectionString: url, max: 10 }));
  return new PrismaClient({ adapter: profiling ? timedAdapter(adapter) : adapter });
}

export type Db = ReturnType<typeof createClient>;

const globalForDb = globalThis as unknown as { faxportDb?: Db; faxportDbUrl?: string };

/** One client per process (and per DATABASE_URL, so tests can point at their own database). */
export function getDb(): Db {
  const url = process.env.DATABASE_URL;
  if (!url) throw new Error("DATABASE_URL is not set");
  if (!globalForDb.faxportDb || globalForDb.faxportDbUrl !== url) {
    globalForDb.faxportDb = createClient(url);
    globalForDb.faxportDbUrl = url;
  }
  return globalForDb.faxportDb;
}

export async function disconnectDb(): Promise<void> {
  await closePlainPool();
  await globalForDb.faxportDb?.$disconnect();
  globalForDb.faxportDb = undefined;
}
