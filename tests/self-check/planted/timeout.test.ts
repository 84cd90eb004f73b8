// Planted failure (scripts/self-check.mjs): a test that outlives its time limit.
import { it } from "vitest";

it("planted timeout", async () => {
  await new Promise((resolve) => setTimeout(resolve, 3_000));
}, 100);
