// Planted by scripts/self-check.mjs only (with a config that starts no web server): a passing
// control, then a failing assertion; `playwright test` must exit non-zero.
import { expect, test } from "@playwright/test";

test("planted control", () => {
  expect(1 + 1).toBe(2);
});

test("planted assertion", () => {
  expect("planted-assertion").toBe("another value");
});
