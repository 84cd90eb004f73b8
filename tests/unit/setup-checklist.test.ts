import { describe, expect, it } from "vitest";
import { passwordAge } from "@/lib/dashboard/password-age";
import { type SetupFacts, type SetupStep, type SetupStepKey, setupChecklist } from "@/lib/dashboard/setup-checklist";

const brandNew: SetupFacts = { hasLogo: false, retentionChosen: false, otherPeople: 0, faxNumbers: 0 };
const byKey = (facts: SetupFacts) =>
  Object.fromEntries(setupChecklist(facts).steps.map((s) => [s.key, s])) as Record<SetupStepKey, SetupStep>;

describe("first-run checklist", () => {
  it("shows a brand-new organisation four steps, three of them its admin's to do", () => {
    const list = setupChecklist(brandNew);
    expect(list.steps.map((s) => s.key)).toEqual(["brand", "retention", "people", "numbers"]);
    expect(list.remaining).toBe(3);
    expect(list.complete).toBe(false);
  });

  it("links each of the admin's steps to the page where it is done", () => {
    const steps = byKey(brandNew);
    expect(steps.brand.link?.href).toBe("/admin/settings/branding");
    expect(steps.retention.link?.href).toBe("/admin/settings/retention");
    expect(steps.people.link).toEqual({ href: "/admin/users", label: "Add people" });
  });

  it("says fax numbers come from the provider, and offers no action for them", () => {
    const numbers = byKey(brandNew).numbers;
    expect(numbers.detail).toContain("No fax numbers yet: your provider assigns them");
    expect(numbers.actionable).toBe(false);
    expect(numbers.link).toBeUndefined();
  });

  it("ticks each step from its own fact", () => {
    expect(byKey({ ...brandNew, hasLogo: true }).brand.done).toBe(true);
    expect(byKey({ ...brandNew, retentionChosen: true }).retention.done).toBe(true);
    expect(byKey({ ...brandNew, otherPeople: 1 }).people.done).toBe(true);
    expect(byKey({ ...brandNew, otherPeople: 1 }).people.detail).toBe("1 other person has an account.");
    const numbers = byKey({ ...brandNew, faxNumbers: 2 }).numbers;
    expect(numbers).toMatchObject({ done: true, link: { href: "/admin/dids" } });
    expect(numbers.detail).toContain("2 fax numbers");
    expect(setupChecklist({ ...brandNew, hasLogo: true, otherPeople: 3 }).remaining).toBe(1);
  });

  it("is complete once the admin's steps are done, even while the provider has assigned no number", () => {
    const list = setupChecklist({ hasLogo: true, retentionChosen: true, otherPeople: 1, faxNumbers: 0 });
    expect(list).toMatchObject({ remaining: 0, complete: true });
  });
});

describe("password age on the dashboard", () => {
  const now = new Date("2026-11-23T12:00:00Z");
  const ago = (d: number) => new Date(now.getTime() - d * 24 * 60 * 60 * 1000);

  it("says how old the password is and whether it expires", () => {
    expect(passwordAge(ago(0), null, now)).toBe("Password changed today. It does not expire.");
    expect(passwordAge(ago(12), 90, now)).toBe("Password changed 12 days ago. It expires in 78 days.");
    expect(passwordAge(ago(80), 90, now)).toBe("Password changed 80 days ago. It expires in 10 days: change it soon.");
    expect(passwordAge(ago(91), 90, now)).toBe("Password changed 91 days ago. It has expired: change it now.");
    expect(passwordAge(ago(1), 2, now)).toBe("Password changed 1 day ago. It expires in 1 day: change it soon.");
  });
});
