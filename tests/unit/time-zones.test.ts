import { describe, expect, it } from "vitest";
import { isTimeZone } from "@/lib/schemas/time-zone";
import { countryTimeZones, zoneLabel, zoneMatches, zoneOffset } from "@/lib/time-zones";

describe("time zones as people pick them", () => {
  it("lists a country's zones, each one the runtime accepts", () => {
    const us = countryTimeZones("US");
    expect(us).toContain("America/New_York");
    expect(us).toContain("America/Los_Angeles");
    expect(us).not.toContain("Europe/London");
    expect(us.every(isTimeZone)).toBe(true);
    expect(countryTimeZones("de")).toContain("Europe/Berlin"); // lower case works too
  });

  it("gives nothing for no country or a malformed one", () => {
    expect(countryTimeZones(null)).toEqual([]);
    expect(countryTimeZones("")).toEqual([]);
    expect(countryTimeZones("USA")).toEqual([]);
  });

  it("reads zones with spaces, finds them by any part in any case, and names the offset", () => {
    expect(zoneLabel("America/New_York")).toBe("America/New York");
    expect(zoneMatches("America/New_York", "new york")).toBe(true);
    expect(zoneMatches("America/New_York", "NEW_YORK")).toBe(true);
    expect(zoneMatches("America/New_York", "berlin")).toBe(false);
    expect(zoneMatches("America/New_York", "  ")).toBe(true);
    const january = new Date("2026-01-15T12:00:00Z");
    expect(zoneOffset("America/New_York", january)).toBe("UTC−05:00");
    expect(zoneOffset("Asia/Kolkata", january)).toBe("UTC+05:30");
    expect(zoneOffset("UTC", january)).toBe("UTC+00:00");
  });
});
