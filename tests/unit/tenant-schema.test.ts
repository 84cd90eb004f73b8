import { describe, expect, it } from "vitest";
import { tenantCreateSchema } from "@/lib/schemas/tenant";

const base = {
  name: "Bounds Co",
  domains: ["bounds.localhost"],
  dailyFaxLimit: 10,
  monthlyFaxLimit: 100,
  admin: { username: "bounds-admin", email: "admin@bounds.test" },
};
const messages = (input: object) => {
  const r = tenantCreateSchema.safeParse({ ...base, ...input });
  return r.success ? [] : r.error.issues.map((i) => `${i.path.join(".")}: ${i.message}`);
};

describe("organisation retention bounds", () => {
  it("never says 'between 30 and 5 days': crossed bounds are reported once, on the minimum", () => {
    const found = messages({ retentionMinDays: 30, retentionMaxDays: 5, retentionDays: 10 });
    expect(found).toEqual([
      "retentionMinDays: Minimum retention cannot be more than the maximum retention: lower it or raise the maximum",
    ]);
  });

  it("still explains a retention outside sensible bounds", () => {
    expect(messages({ retentionMinDays: 1, retentionMaxDays: 8, retentionDays: 30 })).toEqual([
      "retentionDays: Retention must be between 1 and 8 days",
    ]);
    expect(messages({ retentionMinDays: 1, retentionMaxDays: 4000 })).toEqual([
      "retentionMaxDays: Maximum retention is at most 3650 days (10 years)",
    ]);
  });
});
