/** Shared by the crash test and the runner process it kills (tests/durability/crash-runner.ts). */
export const CRASH_EVENT = "test/crash.go";
/** The function's sleep: short, so runs wake while the test kills and restarts the runner. */
export const SLEEP_MS = 3_000;
/** The runner's lease: after a kill, the restarted runner takes the dead one's runs this much later. */
export const LEASE_MS = 4_000;
