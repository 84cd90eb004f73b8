/**
 * The database client. `db` connects as the owner and is NOT tenant-scoped: use it only for
 * system work (sign-in lookup, host → tenant resolution, jobs, seeding). Everything done for a
 * signed-in person goes through `withScope` (server/db/scope.ts), where row-level security applies.
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
