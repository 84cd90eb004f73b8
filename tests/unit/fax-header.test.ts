import { describe, expect, it } from "vitest";
import { faxHeaderInfo, faxHeaderLine } from "@/lib/fax-header";

describe("the fax header line", () => {
  it("names the organisation and the page count, in the header font's ASCII, within 50 characters", () => {
    expect(faxHeaderInfo("Acme Health", 3)).toBe("Acme Health (3 pages)");
    expect(faxHeaderInfo("Clínica São José", 1)).toBe("Clinica Sao Jose (1 page)");
    const long = faxHeaderInfo("A".repeat(80), 12);
    expect(long).toHaveLength(50);
    expect(long.endsWith("(12 pages)")).toBe(true);
  });

  it("reads as the far end prints it: date and time in the organisation's zone, caller ID, page", () => {
    const line = faxHeaderLine({
      at: new Date("2026-12-06T21:54:00Z"),
      timeZone: "America/New_York",
      info: "Acme Health (2 pages)",
      callerId: "+12125550170",
      page: 2,
    });
    expect(line).toBe("6-Dec-2026  16:54    Acme Health (2 pages)    +12125550170    p.2");
  });
});
