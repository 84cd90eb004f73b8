/**
 * How much CPU a real spandsp fax call costs against the line time it simulates.
 * Run: npx tsx bench/gateway-spandsp.ts  (builds the addon first if needed)
 */
import { execFileSync } from "node:child_process";
import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { loadNativeFaxCall } from "../server/gateway/spandsp/native-fax-call";

execFileSync(process.execPath, ["scripts/build-native.mjs"], { stdio: "inherit" });
const run = loadNativeFaxCall();
if (!run) throw new Error("spandsp addon not built");
const dir = mkdtempSync(path.join(tmpdir(), "faxport-bench-"));
process.once("exit", () => rmSync(dir, { recursive: true, force: true })); // the pages rendered and received
const pages = 10;
writeFileSync(
  path.join(dir, "doc.ps"),
  `%!PS\n${Array.from(
    { length: pages },
    (_, i) =>
      `/Helvetica findfont 12 scalefont setfont ${Array.from({ length: 50 }, (_, l) => `72 ${740 - l * 13} moveto (Line ${l} of page ${i + 1}: the quick brown fox jumps over the lazy dog 0123456789) show`).join(" ")} showpage`,
  ).join("\n")}\n`,
);
for (const [name, r] of [
  ["STANDARD", "204x98"],
  ["FINE", "204x196"],
  ["SUPERFINE", "204x392"],
] as const) {
  const tif = path.join(dir, `${name}.tif`);
  execFileSync("gs", [
    "-q",
    "-dNOPAUSE",
    "-dBATCH",
    "-dSAFER",
    "-sDEVICE=tiffg4",
    `-r${r}`,
    "-sPAPERSIZE=letter",
    "-dFIXEDMEDIA",
    `-sOutputFile=${tif}`,
    path.join(dir, "doc.ps"),
  ]);
  for (const link of ["alaw", "t38"] as const) {
    for (const ecm of [true, false]) {
      const started = performance.now();
      const res = await run({ txFile: tif, rxFile: path.join(dir, `rx-${name}-${link}-${ecm}.tif`), link, ecm });
      const cpuMs = performance.now() - started;
      console.log(
        `${name.padEnd(9)} ${link.padEnd(4)} ecm=${ecm ? "on " : "off"} code=${res.resultCode} pages=${res.pagesSent}/${pages} ` +
          `line=${(res.callMs / 1000).toFixed(1)}s wall=${cpuMs.toFixed(0)}ms speedup=${Math.round(res.callMs / cpuMs)}x`,
      );
    }
  }
}
