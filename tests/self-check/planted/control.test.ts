// Planted by scripts/self-check.mjs runs only: proves the project's setup works, so the failures
// next to it are the only reason the run fails.
import { expect, it } from "vitest";

it("planted control", () => {
  expect(1 + 1).toBe(2);
});
