/**
 * Writes a new migration from the change to prisma/schema.prisma since the last commit
 * (`prisma migrate dev` needs a shadow database flow that does not run offline here).
 *   npm run db:new-migration -- add_cover_pages
 */
import { execFileSync, spawnSync } from "node:child_process";
import { mkdirSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { startEmbeddedPostgres } from "../server/db/embedded-postgres";
import { EMBEDDED_DATA_DIR, EMBEDDED_PORT } from "./paths";
import { prismaEnv } from "./prisma";

async function main() {
  const name = (process.argv[2] ?? "").replace(/[^a-z0-9_]/gi, "_").toLowerCase();
  if (!name) throw new Error("Give the migration a name: npm run db:new-migration -- add_something");
  const before = path.join(tmpdir(), `faxport-schema-${process.pid}.prisma`);
  writeFileSync(before, execFileSync("git", ["show", "HEAD:prisma/schema.prisma"]));
  // The CLI wants a database even to compare two schema files; the embedded one will do.
  const pg = process.env.DATABASE_URL
    ? null
    : await startEmbeddedPostgres({ dataDir: EMBEDDED_DATA_DIR, port: EMBEDDED_PORT });
  const out = spawnSync(
    "node_modules/.bin/prisma",
    ["migrate", "diff", "--from-schema-datamodel", before, "--to-schema-datamodel", "prisma/schema.prisma", "--script"],
    { env: prismaEnv(pg?.url), encoding: "utf8" },
  );
  await pg?.stop();
  if (out.status !== 0) throw new Error(out.stderr);
  const sql = out.stdout.trim();
  if (!sql || sql === "-- This is an empty migration.") {
    console.log("prisma/schema.prisma has no change since the last commit: nothing to write.");
    return;
  }
  const stamp = new Date().toISOString().replace(/\D/g, "").slice(0, 14);
  const dir = path.join("prisma", "migrations", `${stamp}_${name}`);
  mkdirSync(dir, { recursive: true });
  writeFileSync(path.join(dir, "migration.sql"), `${sql}\n`);
  console.log(`Wrote ${dir}/migration.sql — review it, add row-level security for new tenant tables, commit.`);
}

main().catch((e) => {
  console.error(e instanceof Error ? e.message : e);
  process.exit(1);
});
