/**
 * An SVG logo is rebuilt from drawing only, and the logo route keeps its own strict policy
 * (default-src 'none'), not the page policy — so even an SVG opened on its own runs nothing.
 * Each test brands an organisation of its own, so it runs beside any other spec.
 */
import { deflateSync } from "node:zlib";
import { expect, type Page, test } from "@playwright/test";
import { saveRecoveryCode } from "./first-admin-steps";
import { open, PORT, signIn, site } from "./helpers";
import { newOrganisation, type Organisation } from "./organisation";

const HOSTILE =
  '<svg xmlns="http://www.w3.org/2000/svg" xmlns:x="http://www.w3.org/1999/xhtml"><x:script>alert(1)</x:script></svg>';
const LOGO =
  '<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 10 10"><!-- hi --><rect width="10" height="10" fill="#06c"/></svg>';

const logo = (request: import("@playwright/test").APIRequestContext, host: string) =>
  request.get(`http://127.0.0.1:${PORT}/api/branding/logo`, { headers: { Host: `${host}:${PORT}` } });

/** A new organisation's first admin signs in (saving its recovery code) and opens Branding. */
async function brandingOfNewOrganisation(page: Page, name: string): Promise<Organisation> {
  const org = await newOrganisation(name);
  await signIn(page, org.host, org.admin.username, org.admin.password);
  await saveRecoveryCode(page);
  await open(page, `${site(org.host)}/admin/branding`);
  return org;
}

test("an SVG logo is cleaned on upload and served under default-src 'none'", async ({ page, request }) => {
  page.on("dialog", (d) => {
    throw new Error(`the browser's own ${d.type()} box appeared: ${d.message()}`);
  });
  const org = await brandingOfNewOrganisation(page, "Svg Logo");
  const file = page.getByLabel("Logo");

  await file.setInputFiles({ name: "evil.svg", mimeType: "image/svg+xml", buffer: Buffer.from(HOSTILE) });
  await expect(page.getByText("The SVG logo may contain only drawing")).toBeVisible();

  await file.setInputFiles({ name: "logo.svg", mimeType: "image/svg+xml", buffer: Buffer.from(LOGO) });
  await page.getByRole("button", { name: "Save branding" }).click();
  await expect(page.getByText("Branding saved.")).toBeVisible();

  const res = await logo(request, org.host);
  expect(res.status()).toBe(200);
  expect(res.headers()["content-type"]).toBe("image/svg+xml");
  expect(res.headers()["content-security-policy"]).toMatch(/^default-src 'none';/);
  expect(res.headers()["content-security-policy"]).not.toContain("script-src");
  expect(await res.text()).toBe(
    '<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 10 10"><rect width="10" height="10" fill="#06c"/></svg>',
  );

  // Removing it asks in the portal's own dialog; then there is no logo to serve.
  await page.getByRole("button", { name: "Remove logo" }).click();
  const ask = page.getByRole("dialog", { name: "Remove the logo?" });
  await expect(ask).toContainText("initials instead");
  await ask.getByRole("button", { name: "Remove logo" }).click();
  await expect(page.getByText("Logo removed.")).toBeVisible();
  const gone = await logo(request, org.host);
  expect(gone.status()).toBe(404);
  expect(gone.headers()["content-security-policy"]).toMatch(/^default-src 'none';/);
});

/** A real (transparent) PNG of the given size; `padTo` appends bytes to make the file that large. */
function png(width: number, height: number, padTo = 0): Buffer {
  const chunk = (type: string, data: Buffer) => {
    const out = Buffer.alloc(12 + data.length);
    out.writeUInt32BE(data.length, 0);
    out.write(type, 4, "latin1");
    data.copy(out, 8);
    out.writeUInt32BE(crc32(out.subarray(4, 8 + data.length)), 8 + data.length);
    return out;
  };
  const header = Buffer.alloc(13);
  header.writeUInt32BE(width, 0);
  header.writeUInt32BE(height, 4);
  header.set([8, 6, 0, 0, 0], 8); // 8-bit RGBA
  const rows = Buffer.alloc(height * (1 + width * 4)); // filter byte 0 and transparent pixels
  const file = Buffer.concat([
    Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
    chunk("IHDR", header),
    chunk("IDAT", deflateSync(rows)),
    chunk("IEND", Buffer.alloc(0)),
  ]);
  return Buffer.concat([file, Buffer.alloc(Math.max(0, padTo - file.length))]);
}

function crc32(bytes: Uint8Array): number {
  let c = ~0;
  for (const b of bytes) {
    c ^= b;
    for (let k = 0; k < 8; k++) c = (c >>> 1) ^ (0xedb88320 & -(c & 1));
  }
  return ~c >>> 0;
}

test("logo guidance: a too-big logo blocks Save, and a tall one is previewed with advice", async ({ page }) => {
  const org = await brandingOfNewOrganisation(page, "Logo Guide");
  await expect(page.getByText("a wide logo, at least 320×80 px, PNG or SVG, under 256 KB")).toBeVisible();
  const file = page.getByLabel("Logo");

  await file.setInputFiles({ name: "huge.png", mimeType: "image/png", buffer: png(4000, 1000, 1_400_000) });
  await expect(page.getByText("The logo is larger than 256 KB.")).toBeVisible();
  await page.getByRole("button", { name: "Save branding" }).click();
  await expect(page.getByText("Nothing was saved: choose another file")).toBeVisible();
  await expect(file).toBeFocused();
  await expect(page.getByText("Branding saved.")).toHaveCount(0);
  await page.getByRole("button", { name: "Discard new logo" }).click();
  await expect(page.getByText("The logo is larger than 256 KB.")).toHaveCount(0);

  // A tall logo keeps a square place in the header preview (not a sliver) and earns advice.
  await file.setInputFiles({ name: "tall.png", mimeType: "image/png", buffer: png(120, 900) });
  await expect(page.getByTestId("logo-advice")).toContainText("taller than wide");
  for (const where of ["preview-desktop", "preview-phone"]) {
    const box = await page.getByTestId(where).getByTestId("brand-logo").boundingBox();
    expect(box?.width).toBeGreaterThanOrEqual(32);
    expect(box?.height).toBe(32);
  }
  // A wide one is capped at four times its height, so the name keeps its room.
  await file.setInputFiles({ name: "wide.png", mimeType: "image/png", buffer: png(2000, 100) });
  await expect(page.getByTestId("logo-advice")).toHaveCount(0);
  const wide = await page.getByTestId("preview-phone").getByTestId("brand-logo").boundingBox();
  expect(wide?.width).toBeLessThanOrEqual(128);
  await expect(page.getByTestId("preview-phone")).toContainText(org.name);
  await page.getByRole("button", { name: "Discard new logo" }).click();
});
