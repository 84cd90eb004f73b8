/**
 * The trunk form says which drivers this installation has configured (the e2e portal sets none for
 * FreeSWITCH or the HTTP fax API) and refuses an unconfigured one beside the driver field, at phone
 * and desktop widths, with no WCAG A/AA violations in the open dialog. The refused trunk carries a
 * random tag in its name (nothing is saved, but a name no other spec uses keeps it that way).
 */
import { randomBytes } from "node:crypto";
import { expect, test } from "@playwright/test";
import { wcagViolations } from "./axe";
import { ADMIN, open, signInPlatformAdmin, site } from "./helpers";

for (const viewport of [
  { width: 390, height: 844 },
  { width: 1280, height: 800 },
]) {
  test(`the trunk form names unconfigured drivers and refuses them (${viewport.width} px)`, async ({ page }) => {
    await page.setViewportSize(viewport);
    await signInPlatformAdmin(page);
    await open(page, `${site(ADMIN.host)}/admin/trunks`);
    await page.getByRole("button", { name: "New trunk" }).click();
    const driver = page.getByLabel("Driver");
    await expect(driver).toHaveAccessibleDescription("Configured on this installation.");
    await expect(driver.locator("option")).toHaveText([
      "Loopback — built-in virtual PSTN",
      "FreeSWITCH — not configured",
      "HTTP API — not configured",
    ]);
    await driver.selectOption("FREESWITCH");
    await expect(driver).toHaveAccessibleDescription(
      /^FreeSWITCH is not configured on this installation: set FREESWITCH_ESL_HOST, .* in \.env$/,
    );
    expect(await wcagViolations(page, "trunk form")).toEqual([]);

    await page.getByLabel("Name", { exact: true }).fill(`Carrier ${viewport.width} ${randomBytes(3).toString("hex")}`);
    await page.getByLabel("SIP username").fill("acct-1");
    await page.getByLabel("SIP password").fill("Sip-Pa55word");
    await page.getByLabel("Host", { exact: true }).fill("sip.carrier.example");
    await page.getByRole("button", { name: "Save trunk" }).click();
    await expect(driver).toHaveAccessibleDescription(/^FreeSWITCH is not configured on this installation: set /);
    await expect(driver).toHaveAttribute("aria-invalid", "true");
  });
}
