/** zod's generic refusals read as plain instructions, wherever a schema is used (form or procedure). */
import { describe, expect, it } from "vitest";
import { z } from "zod";
import { tenantCreateSchema } from "@/lib/schemas/tenant";

const messages = (r: { success: boolean; error?: z.ZodError }) =>
  Object.fromEntries((r.error?.issues ?? []).map((i) => [i.path.join("."), i.message]));

describe("plain messages", () => {
  it("replaces zod's defaults for lengths, numbers and missing values", () => {
    const r = tenantCreateSchema.safeParse({
      name: "x".repeat(121),
      domains: ["acme.example"],
      dailyFaxLimit: 2_000_000,
      monthlyFaxLimit: Number.NaN,
      retentionMinDays: 1,
      retentionMaxDays: 8,
    });
    expect(messages(r)).toMatchObject({
      name: "Use at most 120 characters",
      dailyFaxLimit: "Enter 1,000,000 or less",
      monthlyFaxLimit: "Enter a number",
    });
  });

  it("applies to any schema once the shared schemas are loaded, and a schema's own message still wins", () => {
    const schema = z.object({
      code: z.string().min(4),
      note: z.string().max(1, "One letter only"),
      n: z.number().min(1),
    });
    expect(messages(schema.safeParse({ code: "ab", note: "long", n: 0 }))).toEqual({
      code: "Use at least 4 characters",
      note: "One letter only",
      n: "Enter 1 or more",
    });
  });
});
