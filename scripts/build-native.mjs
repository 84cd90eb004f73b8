/**
 * Builds the spandsp fax addon (native/ → native/build/faxport_spandsp.node) when it is missing or
 * older than its sources, installing Debian's libspandsp-dev and libtiff-dev first when their headers
 * are missing. Never fails the caller: without the addon the loopback gateway falls back to a timing
 * model and says so in its description. Call `ensureNativeGateway()` from start/test scripts, or run
 * `node scripts/build-native.mjs` (exit code 1 when the addon could not be built).
 *
 * We compile with the system C compiler directly against Node's N-API headers: the addon uses plain
 * N-API from C, so it needs no node-gyp, no npm package and no download.
 */
import { spawnSync } from "node:child_process";
import { existsSync, mkdirSync, readdirSync, statSync } from "node:fs";
import path from "node:path";

const ROOT = path.resolve(import.meta.dirname, "..");
const NATIVE = path.join(ROOT, "native");
export const NATIVE_ADDON_PATH = path.join(NATIVE, "build", "faxport_spandsp.node");

// Debian puts these under the multiarch include directory.
const INCLUDE_DIRS = ["/usr/include", `/usr/include/${process.arch === "arm64" ? "aarch64" : "x86_64"}-linux-gnu`];
/** The Debian packages the addon builds against, for installers that gather every package in one apt pass. */
export const NATIVE_BUILD_PACKAGES = [
  { pkg: "libspandsp-dev", bin: `${INCLUDE_DIRS[1]}/spandsp.h` },
  { pkg: "libtiff-dev", bin: `${INCLUDE_DIRS[1]}/tiffio.h` },
];
const HEADERS = [
  { file: "spandsp.h", pkg: "libspandsp-dev" },
  { file: "tiffio.h", pkg: "libtiff-dev" },
];

function nodeIncludeDir() {
  const candidates = [
    process.env.FAXPORT_NODE_INCLUDE,
    path.join(path.dirname(path.dirname(process.execPath)), "include", "node"),
    "/usr/include/node",
  ].filter(Boolean);
  return candidates.find((dir) => existsSync(path.join(dir, "node_api.h")));
}

function sources() {
  return readdirSync(NATIVE)
    .filter((f) => f.endsWith(".c") || f.endsWith(".h"))
    .map((f) => path.join(NATIVE, f));
}

function isStale() {
  if (!existsSync(NATIVE_ADDON_PATH)) return true;
  const built = statSync(NATIVE_ADDON_PATH).mtimeMs;
  return sources().some((f) => statSync(f).mtimeMs > built);
}

function quietRun(cmd, args, log) {
  const result = spawnSync(cmd, args, {
    encoding: "utf8",
    env: { ...process.env, DEBIAN_FRONTEND: "noninteractive" },
  });
  if (result.status !== 0) log(`${cmd} ${args.join(" ")} failed:\n${result.stderr || result.error?.message || ""}`);
  return result.status === 0;
}

// Tests render fax pages with ghostscript and decode them with libtiff's tiffcp.
const TEST_TOOLS = [
  { bin: "/usr/bin/gs", pkg: "ghostscript" },
  { bin: "/usr/bin/tiffcp", pkg: "libtiff-tools" },
];

function ensureHeaders(log, withTestTools) {
  const missing = [
    ...HEADERS.filter((h) => !INCLUDE_DIRS.some((dir) => existsSync(path.join(dir, h.file)))).map((h) => h.pkg),
    ...(withTestTools ? TEST_TOOLS.filter((t) => !existsSync(t.bin)).map((t) => t.pkg) : []),
  ];
  if (!missing.length) return true;
  if (process.getuid?.() !== 0) {
    log(`Missing ${missing.join(", ")} (run: sudo apt-get install -y ${missing.join(" ")})`);
    return false;
  }
  log(`› Installing Debian packages: ${missing.join(", ")}`);
  return quietRun("apt-get", ["update", "-q"], log) && quietRun("apt-get", ["install", "-y", "-q", ...missing], log);
}

/**
 * @param {{ log?: (line: string) => void, force?: boolean, withTestTools?: boolean }} [opts]
 *   withTestTools: also install ghostscript and libtiff-tools, which the gateway tests use.
 * @returns {{ ok: boolean, built: boolean, path: string, reason?: string }}
 */
export function ensureNativeGateway(opts = {}) {
  const log = opts.log ?? ((line) => console.log(line));
  const toolsMissing = opts.withTestTools && TEST_TOOLS.some((t) => !existsSync(t.bin));
  if (!opts.force && !toolsMissing && !isStale()) return { ok: true, built: false, path: NATIVE_ADDON_PATH };
  const fail = (reason) => {
    log(`⚠ spandsp fax addon not built (${reason}); the loopback gateway will use its timing model.`);
    return { ok: false, built: false, path: NATIVE_ADDON_PATH, reason };
  };
  if (process.platform !== "linux") return fail("only built on Linux");
  if (!ensureHeaders(log, opts.withTestTools)) return fail("libspandsp-dev/libtiff-dev missing");
  if (!opts.force && !isStale()) return { ok: true, built: false, path: NATIVE_ADDON_PATH };
  const include = nodeIncludeDir();
  if (!include) return fail("Node's N-API headers (node_api.h) not found");
  mkdirSync(path.dirname(NATIVE_ADDON_PATH), { recursive: true });
  log("› Building the spandsp fax addon (native/)…");
  const cc = process.env.CC || "cc";
  const args = [
    "-O2",
    "-Wall",
    "-shared",
    "-fPIC",
    "-DNODE_GYP_MODULE_NAME=faxport_spandsp",
    "-DNAPI_VERSION=8",
    `-I${include}`,
    ...sources().filter((f) => f.endsWith(".c")),
    "-o",
    NATIVE_ADDON_PATH,
    "-lspandsp",
    "-ltiff",
    "-lm",
  ];
  if (!quietRun(cc, args, log)) return fail("the C compiler failed");
  return { ok: true, built: true, path: NATIVE_ADDON_PATH };
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const result = ensureNativeGateway({
    force: process.argv.includes("--force"),
    withTestTools: process.argv.includes("--with-test-tools"),
  });
  if (result.ok) console.log(result.built ? `Built ${result.path}` : `Up to date: ${result.path}`);
  process.exit(result.ok ? 0 : 1);
}
