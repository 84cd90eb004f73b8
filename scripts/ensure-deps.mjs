/** Installs npm dependencies when node_modules is missing or was installed from another lock file. */
import { spawnSync } from "node:child_process";
import { createHash } from "node:crypto";
import { existsSync, readFileSync, writeFileSync } from "node:fs";

export function run(cmd, args, opts = {}) {
  const result = spawnSync(cmd, args, { stdio: "inherit", ...opts });
  if (result.error) throw result.error;
  return result.status ?? (result.signal ? 1 : 0);
}

const MARKER = "node_modules/.faxport-installed";
const lockHash = () =>
  createHash("sha256").update(readFileSync("package.json")).update(readFileSync("package-lock.json")).digest("hex");

export function ensureDependencies() {
  if (existsSync(MARKER) && readFileSync(MARKER, "utf8") === lockHash()) return;
  // `npm install` (not `npm ci`): it installs the locked versions too, and tolerates the lock
  // lacking other platforms' optional binaries, which registry mirrors may not list. The lock pins
  // every version and checksum, so a package already in npm's cache is taken from there without
  // asking the registry again (--prefer-offline: 44 s instead of 70 s here with a warm cache).
  console.log("› Installing dependencies (npm install)…");
  const status = run("npm", ["install", "--no-audit", "--no-fund", "--prefer-offline"]);
  if (status !== 0) {
    console.error("npm install failed; see the messages above.");
    process.exit(status);
  }
  writeFileSync(MARKER, lockHash());
}

/** Debian packages the project needs (chromium for browser tests), installed when missing. */
export function ensureDebianPackages(packages) {
  const missing = packages.filter(({ bin }) => !existsSync(bin));
  if (!missing.length) return;
  const names = missing.map((p) => p.pkg);
  const sudo = process.getuid?.() === 0 ? [] : ["sudo"];
  console.log(`› Installing Debian packages: ${names.join(", ")}`);
  const env = { ...process.env, DEBIAN_FRONTEND: "noninteractive" };
  const apt = (args) => (sudo.length ? run("sudo", ["apt-get", ...args], { env }) : run("apt-get", args, { env }));
  if (apt(["update", "-q"]) !== 0 || apt(["install", "-y", "-q", "--no-install-recommends", ...names]) !== 0) {
    console.error(`Could not install ${names.join(", ")}. Install them with apt-get and try again.`);
    process.exit(1);
  }
}
