// Planted failure (scripts/self-check.mjs): a promise rejected with nobody listening; the test itself passes.
import { expect, it } from "vitest";

it("planted rejection", async () => {
  void Promise.reject(new Error("planted-rejection"));
  await new Promise((resolve) => setTimeout(resolve, 50));
  expect(true).toBe(true);
});
