/** Builds the spandsp addon once for the test run (a no-op when it is up to date). */
import { execFileSync } from "node:child_process";
import { loadNativeFaxCall, type NativeFaxCall } from "@/server/gateway/spandsp/native-fax-call";

export function requireNativeFaxCall(): NativeFaxCall {
  execFileSync(process.execPath, ["scripts/build-native.mjs", "--with-test-tools"], { stdio: "inherit" });
  const run = loadNativeFaxCall();
  if (!run) throw new Error("The spandsp addon did not build; see the messages above.");
  return run;
}
