/** Every kind of response carries the security headers: CSP with a nonce, no framing, referrer policy. */
import { expect, test } from "@playwright/test";
import { PORT, site } from "./helpers";

for (const path of ["/login", "/dashboard", "/api/trpc/auth.passwordPolicy", "/api/branding/logo", "/does-not-exist"]) {
  test(`security headers on ${path}`, async ({ request }) => {
    // Node cannot resolve *.localhost the way browsers do: go to loopback and name the host.
    const res = await request.get(`http://127.0.0.1:${PORT}${path}`, {
      maxRedirects: 0,
      headers: { Host: `acme.localhost:${PORT}` },
    });
    const h = res.headers();
    expect(h["x-frame-options"]).toBe("DENY");
    expect(h["referrer-policy"]).toBe("strict-origin-when-cross-origin");
    expect(h["x-content-type-options"]).toBe("nosniff");
    const csp = h["content-security-policy"] ?? "";
    expect(csp).toContain("frame-ancestors 'none'");
    expect(csp).toMatch(/default-src '(self|none)'/);
  });
}

test("the sign-in page's scripts run only with the per-request nonce", async ({ page }) => {
  const res = await page.goto(`${site("acme.localhost")}/login`);
  const csp = res!.headers()["content-security-policy"]!;
  const nonce = /'nonce-([^']+)'/.exec(csp)?.[1];
  expect(nonce).toBeTruthy();
  const scripts = await page
    .locator("script[src]")
    .evaluateAll((els) => els.map((e) => (e as HTMLScriptElement).nonce));
  expect(scripts.length).toBeGreaterThan(0);
  expect(scripts.every((n) => n === nonce)).toBe(true);
});

test("without an Inngest server, /api/inngest explains itself instead of failing", async ({ request }) => {
  const res = await request.get(`http://127.0.0.1:${PORT}/api/inngest`, { headers: { Host: `localhost:${PORT}` } });
  expect(res.status()).toBe(503);
  expect((await res.json()).message).toContain("Inngest is not configured");
});
