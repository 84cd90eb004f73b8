/**
 * `next build` only when the sources changed since the last build: a fingerprint of everything that
 * goes into it is stamped beside the build. `npm start` (scripts/serve.ts) calls this before serving;
 * `npm test` runs it as a stage of its own, so the end-to-end and durability stages reuse one build.
 *   tsx scripts/build-portal.ts   (builds if needed; exits non-zero when the build fails)
 */
import { spawn } from "node:child_process";
import { createHash } from "node:crypto";
import { existsSync, readdirSync, readFileSync, statSync, writeFileSync } from "node:fs";
import path from "node:path";

const STAMP = path.join(".next", "faxport-source-fingerprint");

/** A fingerprint of everything that goes into the build, to rebuild only when it changed. */
export function sourceFingerprint(): string {
  const hash = createHash("sha256");
  const roots = ["app", "components", "lib", "server", "public", "inngest"];
  const files = [
    "next.config.ts",
    "proxy.ts",
    "postcss.config.mjs",
    "package-lock.json",
    "tsconfig.json",
    "prisma/schema.prisma",
  ];
  const walk = (dir: string) => {
    if (!existsSync(dir)) return;
    for (const entry of readdirSync(dir, { withFileTypes: true }).sort((a, b) => a.name.localeCompare(b.name))) {
      const p = path.join(dir, entry.name);
      if (entry.isDirectory()) walk(p);
      else files.push(p);
    }
  };
  roots.forEach(walk);
  for (const f of files) {
    if (!existsSync(f)) continue;
    const s = statSync(f);
    hash.update(`${f}:${s.size}:${s.mtimeMs}\n`);
  }
  return hash.digest("hex");
}

/** True when .next holds a finished build of the current sources. */
export function buildIsCurrent(fingerprint = sourceFingerprint()): boolean {
  return existsSync(path.join(".next", "BUILD_ID")) && existsSync(STAMP) && readFileSync(STAMP, "utf8") === fingerprint;
}

/** Builds unless the build is current; says which. Rejects when `next build` fails. */
export async function ensurePortalBuilt(env: NodeJS.ProcessEnv, say: (m: string) => void): Promise<void> {
  const fingerprint = sourceFingerprint();
  if (buildIsCurrent(fingerprint)) {
    say("Build is up to date.");
    return;
  }
  say("Building the portal (next build)…");
  const code = await new Promise<number>((resolve) => {
    const child = spawn("node_modules/.bin/next", ["build"], {
      stdio: "inherit",
      env: { ...env, NODE_ENV: "production" },
    });
    child.on("exit", (c) => resolve(c ?? 1));
  });
  if (code !== 0) throw new Error("next build failed");
  writeFileSync(STAMP, fingerprint);
}

if (import.meta.url === `file://${process.argv[1] ? path.resolve(process.argv[1]) : ""}`) {
  ensurePortalBuilt({ ...process.env, NEXT_TELEMETRY_DISABLED: "1" }, (m) => console.log(`› ${m}`)).catch((error) => {
    console.error(error instanceof Error ? error.message : String(error));
    process.exit(1);
  });
}
