// Planted failure (scripts/self-check.mjs): a plain assertion.
import { expect, it } from "vitest";

it("planted assertion", () => {
  expect("planted-assertion").toBe("another value");
});
