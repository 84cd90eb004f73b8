/** Repeated wrong passwords lock the account; the right password is then refused too. */
import { expect, test } from "@playwright/test";
import { signIn, signInError } from "./helpers";
import { newOrganisation } from "./organisation";

// An organisation of its own: the lockout it leaves behind (15 minutes) meets no other spec.
test("five wrong passwords lock the account for the policy's minutes", async ({ page }) => {
  const org = await newOrganisation("Lockout Co");
  for (let i = 1; i <= 4; i++) {
    await signIn(page, org.host, org.admin.username, `wrong-password-${i}`);
    await expect(signInError(page)).toHaveText("Wrong username or password.");
  }
  await signIn(page, org.host, org.admin.username, "wrong-password-5");
  await expect(signInError(page)).toContainText("Too many failed attempts. This account is locked for 15 minutes.");

  await signIn(page, org.host, org.admin.username, org.admin.password);
  await expect(signInError(page)).toContainText("This account is locked for");
  await expect(page.getByRole("heading", { name: "Dashboard" })).toHaveCount(0);
});
