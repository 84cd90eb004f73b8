/**
 * Time zones as people pick them: the zones of a country (from the runtime's own CLDR data, so the
 * names are the ones it accepts), how a zone reads ("America/New York"), and its offset now.
 */
import { isTimeZone } from "./schemas/time-zone";

interface LocaleWithZones {
  getTimeZones?: () => string[] | undefined;
  timeZones?: string[];
}

/** The IANA zones used in `country` (ISO 3166 code); empty when the runtime cannot tell. */
export function countryTimeZones(country: string | null | undefined): string[] {
  if (!country || !/^[A-Za-z]{2}$/.test(country)) return [];
  try {
    const locale = new Intl.Locale(`und-${country.toUpperCase()}`) as Intl.Locale & LocaleWithZones;
    // `getTimeZones()` in newer runtimes, the `timeZones` getter in older ones; Firefox has neither yet.
    const zones = locale.getTimeZones?.() ?? locale.timeZones ?? [];
    return zones.filter(isTimeZone);
  } catch {
    return [];
  }
}

/** "America/New_York" → "America/New York". */
export const zoneLabel = (zone: string) => zone.replaceAll("_", " ");

/** The zone's offset from UTC at `at`: "UTC−05:00", "UTC+05:30", "UTC+00:00". */
export function zoneOffset(zone: string, at: Date = new Date()): string {
  try {
    const part = new Intl.DateTimeFormat("en", { timeZone: zone, timeZoneName: "longOffset" })
      .formatToParts(at)
      .find((p) => p.type === "timeZoneName")?.value;
    if (!part) return "";
    if (part === "GMT") return "UTC+00:00"; // some runtimes leave out a zero offset
    return part.replace("GMT", "UTC").replace("-", "−");
  } catch {
    return "";
  }
}

/** Whether a typed search finds `zone`: any order of case, spaces for underscores. */
export function zoneMatches(zone: string, query: string): boolean {
  const q = query.trim().toLowerCase().replaceAll("_", " ");
  return !q || zoneLabel(zone).toLowerCase().includes(q);
}
