/** Installs npm dependencies when node_modules is missing or older than package-lock.json. */
import { spawnSync } from "node:child_process";
import { existsSync, statSync } from "node:fs";

export function run(cmd, args, opts = {}) {
  const result = spawnSync(cmd, args, { stdio: "inherit", ...opts });
  if (result.error) throw result.error;
  return result.status ?? (result.signal ? 1 : 0);
}

export function ensureDependencies() {
  const marker = "node_modules/.package-lock.json";
  const stale = !existsSync(marker) || statSync("package-lock.json").mtimeMs > statSync(marker).mtimeMs;
  if (!stale) return;
  console.log("› Installing dependencies (npm ci)…");
  const status = run("npm", ["ci", "--no-audit", "--no-fund"]);
  if (status !== 0) {
    console.error("npm ci failed; see the messages above.");
    process.exit(status);
  }
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
