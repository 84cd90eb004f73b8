/**
 * An SVG logo is rebuilt from drawing only, and the logo route keeps its own strict policy
 * (default-src 'none'), not the page policy — so even an SVG opened on its own runs nothing.
 */
import { expect, test } from "@playwright/test";
import { open, PORT, signIn, site } from "./helpers";

const HOST = "acme.localhost";
const HOSTILE =
  '<svg xmlns="http://www.w3.org/2000/svg" xmlns:x="http://www.w3.org/1999/xhtml"><x:script>alert(1)</x:script></svg>';
const LOGO =
  '<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 10 10"><!-- hi --><rect width="10" height="10" fill="#06c"/></svg>';

const logo = (request: import("@playwright/test").APIRequestContext) =>
  request.get(`http://127.0.0.1:${PORT}/api/branding/logo`, { headers: { Host: `${HOST}:${PORT}` } });

test("an SVG logo is cleaned on upload and served under default-src 'none'", async ({ page, request }) => {
  await signIn(page, HOST, "acme-admin", "Acme-Admin-2026");
  await open(page, `${site(HOST)}/admin/branding`);
  const file = page.getByLabel("Logo");

  await file.setInputFiles({ name: "evil.svg", mimeType: "image/svg+xml", buffer: Buffer.from(HOSTILE) });
  await expect(page.getByText("The SVG logo may contain only drawing")).toBeVisible();

  await file.setInputFiles({ name: "logo.svg", mimeType: "image/svg+xml", buffer: Buffer.from(LOGO) });
  await page.getByRole("button", { name: "Save branding" }).click();
  await expect(page.getByText("Branding saved.")).toBeVisible();

  const res = await logo(request);
  expect(res.status()).toBe(200);
  expect(res.headers()["content-type"]).toBe("image/svg+xml");
  expect(res.headers()["content-security-policy"]).toMatch(/^default-src 'none';/);
  expect(res.headers()["content-security-policy"]).not.toContain("script-src");
  expect(await res.text()).toBe(
    '<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 10 10"><rect width="10" height="10" fill="#06c"/></svg>',
  );

  // Leave the demo tenant as it was for the other tests.
  page.once("dialog", (d) => void d.accept());
  await page.getByRole("button", { name: "Remove logo" }).click();
  await expect(page.getByText("Logo removed.")).toBeVisible();
  const gone = await logo(request);
  expect(gone.status()).toBe(404);
  expect(gone.headers()["content-security-policy"]).toMatch(/^default-src 'none';/);
});
