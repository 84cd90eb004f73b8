import { describe, expect, it } from "vitest";
import { toE164 } from "@/lib/phone";
import { e164Schema } from "@/lib/schemas/common";

describe("phone numbers", () => {
  it("normalises common notations to E.164", () => {
    expect(toE164("(212) 555-0142")).toBe("+12125550142");
    expect(toE164("+44 20 7183 8750")).toBe("+442071838750");
    expect(toE164("212.555.0100")).toBe("+12125550100");
  });

  it("refuses what cannot be dialled", () => {
    for (const bad of ["12345", "call me", "+1 555", "", "+99 123 456"]) expect(toE164(bad)).toBeNull();
  });

  it("explains a refusal in the schema's message", () => {
    const r = e164Schema.safeParse("555-CALL");
    expect(r.success).toBe(false);
    expect(r.error?.issues[0]?.message).toMatch(/"555-CALL" is not a valid phone number/);
  });
});
