import { describe, expect, it } from "vitest";
import { costlyNumberKind, costlyNumberReason, toE164 } from "@/lib/phone";
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

  it("names the costly kinds of number: premium-rate, shared-cost, personal, satellite, international networks", () => {
    expect(costlyNumberKind("+19005550100")).toBe("premium-rate"); // US 1-900
    expect(costlyNumberKind("+449098790000")).toBe("premium-rate"); // UK 09xx
    expect(costlyNumberKind("+33891234567")).toBe("premium-rate"); // France 089x
    expect(costlyNumberKind("+979123456789")).toBe("premium-rate"); // international premium rate
    expect(costlyNumberKind("+447000123456")).toBe("personal"); // UK 070
    expect(costlyNumberKind("+881631234567")).toBe("satellite");
    expect(costlyNumberKind("+870773111632")).toBe("satellite"); // Inmarsat
    expect(costlyNumberKind("+8823451234567")).toBe("international network");
    expect(costlyNumberKind("+883510012345")).toBe("international network");
    expect(costlyNumberKind("+448431234567")).not.toBeNull(); // UK 084x (a service charge)
  });

  it("leaves ordinary numbers alone: fixed lines, mobiles, toll-free", () => {
    for (const ok of [
      "+13125550123",
      "+442071838750",
      "+4987112345678",
      "+4915123456789",
      "+18005550100",
      "+80012345678",
    ])
      expect(costlyNumberKind(ok)).toBeNull();
  });

  it("says plainly why a costly number is refused", () => {
    expect(costlyNumberReason("premium-rate")).toBe("Premium-rate numbers are not allowed for your organisation");
    expect(costlyNumberReason("satellite")).toBe("Satellite phone numbers are not allowed for your organisation");
  });
});
