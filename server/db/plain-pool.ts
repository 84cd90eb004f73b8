/**
 * A node-pg pool for the hot reads that skip Prisma (see plain-sql.ts). Same database and owner
 * login as the Prisma client; every connection it lends is put in a scope before its first query,
 * so row-level security applies exactly as it does to Prisma's transactions.
 */
import pg from "pg";

const g = globalThis as unknown as { faxportPlainPool?: pg.Pool; faxportPlainPoolUrl?: string };

export function plainPool(): pg.Pool {
  const url = process.env.DATABASE_URL;
  if (!url) throw new Error("DATABASE_URL is not set");
  if (!g.faxportPlainPool || g.faxportPlainPoolUrl !== url) {
    const pool = new pg.Pool({ connectionString: url, max: 10 });
    // An idle connection dropped by the server (restart, kill) must not crash the process.
    pool.on("error", (error) => console.error("plain read pool:", error.message));
    g.faxportPlainPool = pool;
    g.faxportPlainPoolUrl = url;
  }
  return g.faxportPlainPool;
}

export async function closePlainPool(): Promise<void> {
  const pool = g.faxportPlainPool;
  g.faxportPlainPool = undefined;
  await pool?.end();
}
