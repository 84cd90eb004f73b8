// Planted failure (scripts/self-check.mjs): a setup hook that throws.
import { beforeAll, expect, it } from "vitest";

beforeAll(() => {
  throw new Error("planted-hook");
});

it("planted hook victim", () => {
  expect(true).toBe(true);
});
