import { describe, expect, it } from "vitest";
import { formatDateTime, formatDateTimeLong } from "@/lib/dates/format-date-time";
import { isTimeZone, timeZoneSchema } from "@/lib/schemas/time-zone";

// A fixed instant: 13:05:42 UTC on 23 November 2026.
const at = new Date(Date.UTC(2026, 10, 23, 13, 5, 42));

describe("formatDateTime", () => {
  it("shows the organisation's zone, named, without seconds", () => {
    expect(formatDateTime(at, { locale: "en-GB", timeZone: "Europe/Berlin" })).toBe("23 Nov 2026, 14:05 CET");
    expect(formatDateTime(at, { locale: "en-GB", timeZone: "UTC" })).toBe("23 Nov 2026, 13:05 UTC");
  });

  it("follows the viewer's locale", () => {
    expect(formatDateTime(at, { locale: "en-US", timeZone: "America/New_York" })).toBe("Nov 23, 2026, 08:05 AM EST");
    expect(formatDateTime(at, { locale: "de-DE", timeZone: "Europe/Berlin" })).toBe("23. Nov. 2026, 14:05 MEZ");
  });

  it("moves to the next day where the zone is already there", () => {
    expect(formatDateTime(new Date(Date.UTC(2026, 10, 23, 23, 30)), { locale: "en-GB", timeZone: "Asia/Tokyo" })).toBe(
      "24 Nov 2026, 08:30 GMT+9",
    );
  });

  it("adds seconds only when asked, and can show only the date", () => {
    expect(formatDateTime(at, { locale: "en-GB", timeZone: "UTC", seconds: true })).toBe("23 Nov 2026, 13:05:42 UTC");
    expect(formatDateTime(at, { locale: "en-GB", timeZone: "UTC", dateOnly: true })).toBe("23 Nov 2026");
  });

  it("falls back to UTC for an unknown zone and a dash for an invalid date", () => {
    expect(formatDateTime(at, { locale: "en-GB", timeZone: "Mars/Olympus" })).toBe("23 Nov 2026, 13:05 UTC");
    expect(formatDateTime("not a date", { timeZone: "UTC" })).toBe("—");
  });

  it("gives the full form for tooltips", () => {
    expect(formatDateTimeLong(at, { locale: "en-GB", timeZone: "Europe/Berlin" })).toContain("14:05:42");
  });
});

describe("timeZoneSchema", () => {
  it("accepts IANA names and UTC, refuses anything else with a plain message", () => {
    expect(isTimeZone("Europe/Berlin")).toBe(true);
    expect(isTimeZone("UTC")).toBe(true);
    const bad = timeZoneSchema.safeParse("Central European Time");
    expect(bad.success).toBe(false);
    expect(bad.error?.issues[0]?.message).toBe("Choose a time zone from the list, e.g. Europe/Berlin");
  });
});
