import { describe, expect, it } from "vitest";
import { parseCron } from "../../../inngest/runner/cron";
import { parseDuration, sleepEnd } from "../../../inngest/runner/durations";
import { parseMatch } from "../../../inngest/runner/match-event";

const next = (expr: string, after: string) => parseCron(expr).nextAfter(new Date(after)).toISOString();

describe("cron schedules", () => {
  it("finds the next time of a daily schedule", () => {
    expect(next("TZ=UTC 17 3 * * *", "2026-11-23T03:16:59Z")).toBe("2026-11-23T03:17:00.000Z");
    expect(next("TZ=UTC 17 3 * * *", "2026-11-23T03:17:00Z")).toBe("2026-11-24T03:17:00.000Z");
  });

  it("reads steps, ranges and lists", () => {
    expect(next("*/15 * * * *", "2026-11-23T10:01:00Z")).toBe("2026-11-23T10:15:00.000Z");
    expect(next("0 9-17/4 * * *", "2026-11-23T13:00:00Z")).toBe("2026-11-23T17:00:00.000Z");
    expect(next("30 8 1,15 * *", "2026-11-16T00:00:00Z")).toBe("2026-12-01T08:30:00.000Z");
  });

  it("treats day of week 7 as Sunday, and either day field matching when both are set", () => {
    expect(next("0 0 * * 7", "2026-11-23T00:00:00Z")).toBe("2026-11-29T00:00:00.000Z"); // a Sunday
    expect(next("0 0 28 * 1", "2026-11-24T00:00:00Z")).toBe("2026-11-28T00:00:00.000Z");
  });

  it("crosses month and year ends, and Feb 29", () => {
    expect(next("0 0 1 1 *", "2026-06-01T00:00:00Z")).toBe("2027-01-01T00:00:00.000Z");
    expect(next("0 12 29 2 *", "2026-03-01T00:00:00Z")).toBe("2028-02-29T12:00:00.000Z");
  });

  it("refuses what it cannot read or would fire at the wrong hour", () => {
    expect(() => parseCron("0 3 * *")).toThrow(/five fields/);
    expect(() => parseCron("61 * * * *")).toThrow(/out of range/);
    expect(() => parseCron("TZ=America/New_York 0 3 * * *")).toThrow(/Only UTC/);
    expect(() => parseCron("@daily")).toThrow();
  });
});

describe("durations", () => {
  it("reads the SDK's short form and ISO times", () => {
    expect(parseDuration("1h30m")).toBe(5_400_000);
    expect(parseDuration("2d")).toBe(172_800_000);
    expect(sleepEnd("45s", new Date("2026-11-23T10:00:00Z")).toISOString()).toBe("2026-11-23T10:00:45.000Z");
    expect(sleepEnd("2026-12-01T00:00:00.000Z", new Date()).toISOString()).toBe("2026-12-01T00:00:00.000Z");
    expect(() => parseDuration("soon")).toThrow(/Cannot read the duration/);
  });
});

describe("event match expressions", () => {
  it("reads event.x == async.x in either order, and nothing else", () => {
    expect(parseMatch("event.data.faxId == async.data.faxId")).toEqual({
      original: ["data", "faxId"],
      incoming: ["data", "faxId"],
    });
    expect(parseMatch("async.data.id == event.data.campaign.id")).toEqual({
      original: ["data", "campaign", "id"],
      incoming: ["data", "id"],
    });
    expect(parseMatch("async.data.n > 3")).toBeNull();
  });
});
