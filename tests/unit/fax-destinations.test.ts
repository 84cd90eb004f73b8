import { describe, expect, it } from "vitest";
import { checkDestinations, destinationProblems, duplicatesMerged } from "@/lib/fax-destinations";
import { invalidNumberReason } from "@/lib/phone";

const us = { country: "US", allowCostlyNumbers: false };

describe("the numbers of a New fax (issue 17)", () => {
  it("counts only valid, distinct numbers and merges the same number typed in two notations", () => {
    const checked = checkDestinations(
      ["+1 312 555 0101", "(312) 555-0101", "312.555.0102", "555-12", "+1 312 555 0102"],
      us,
    );
    expect(checked.numbers).toEqual(["+13125550101", "+13125550102"]);
    expect(checked.duplicates).toBe(2);
    expect(duplicatesMerged(checked.duplicates)).toBe("2 duplicates merged");
    expect(duplicatesMerged(1)).toBe("1 duplicate merged");
    expect(duplicatesMerged(0)).toBeNull();
  });

  it("says why each invalid number cannot be dialled", () => {
    expect(invalidNumberReason("555-12", "US")).toBe("is too short");
    expect(invalidNumberReason("hello", "US")).toBe("has letters in it (type the digits)");
    expect(invalidNumberReason("12345678901234567", "US")).toBe("is too long");
    expect(invalidNumberReason("+99 123 456", "US")).toBe("starts with a country code that does not exist");
    expect(invalidNumberReason("(312) 555-0101", "GB")).toBe(
      "is not a valid United Kingdom number (for another country, start with + and its code)",
    );
    expect(invalidNumberReason("+1 312 555 0101", "US")).toBeNull();
    const checked = checkDestinations(["+13125550101", "555-12", "hello", "1-900-555-0100"], us);
    expect(destinationProblems(checked)).toBe(
      'Invalid fax number: "555-12" is too short; "hello" has letters in it (type the digits). ' +
        "Premium-rate numbers are not allowed for your organisation: +1 900 555 0100.",
    );
    // Costly numbers count as refused, not as faxes to send; allowed, they are ordinary numbers.
    expect(checked.numbers).toEqual(["+13125550101"]);
    expect(checkDestinations(["1-900-555-0100"], { ...us, allowCostlyNumbers: true }).numbers).toEqual([
      "+19005550100",
    ]);
  });

  it("has nothing to say about good numbers", () => {
    expect(destinationProblems(checkDestinations(["+13125550101", "312 555 0102"], us))).toBeNull();
  });
});
