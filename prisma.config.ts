/**
 * Prisma CLI configuration: the JS schema engine with a driver adapter, so `migrate` works
 * without downloading Prisma's native engine. DATABASE_URL is set by scripts/prisma.ts
 * (the embedded PostgreSQL by default).
 */
import path from "node:path";
import type { PrismaConfig } from "prisma";
import { migrateAdapter } from "./server/db/migrate-adapter";

export default {
  experimental: { adapter: true },
  engine: "js",
  schema: path.join("prisma", "schema.prisma"),
  migrations: { path: path.join("prisma", "migrations") },
  adapter: async () => {
    const url = process.env.DATABASE_URL;
    if (!url) throw new Error("DATABASE_URL is not set (run the CLI through `npx tsx scripts/prisma.ts`)");
    return migrateAdapter(url);
  },
} satisfies PrismaConfig;
