/** What `npm start` calls: a runner for the app's functions, unless an Inngest server runs them. */
import { describe, expect, it } from "vitest";
import { startEmbeddedRunner } from "../../../inngest/runner/start-embedded-runner";

describe("startEmbeddedRunner", () => {
  it("starts a runner for the app's functions that stops cleanly", async () => {
    const runner = startEmbeddedRunner({ workerId: "npm-start" });
    expect(runner?.workerId).toBe("npm-start");
    await new Promise((r) => setTimeout(r, 200)); // one loop: cron check, fan-out, claim
    await runner!.stop();
  });

  it("starts nothing when an Inngest server is configured to run the jobs", () => {
    process.env.INNGEST_SIGNING_KEY = "signkey-test-00";
    try {
      expect(startEmbeddedRunner()).toBeNull();
    } finally {
      delete process.env.INNGEST_SIGNING_KEY;
    }
  });
});
