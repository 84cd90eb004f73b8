/**
 * The POSIX TZ string of an IANA zone ("America/New_York" → "EST5EDT,M3.2.0,M11.1.0"), which spandsp
 * (and FreeSWITCH's fax_timezone) take for the date and time on a fax's header line. Every TZif file
 * of version 2 or later ends with it on its own line; "UTC0" when the zone is unknown.
 */
import { readFileSync } from "node:fs";
import path from "node:path";

const ZONEINFO = "/usr/share/zoneinfo";
const cache = new Map<string, string>();

export function posixTimeZone(iana: string | null | undefined): string {
  if (!iana) return "";
  const known = cache.get(iana);
  if (known !== undefined) return known;
  let tz = "UTC0";
  // Only names made of zone-name characters, and only under the zoneinfo directory.
  if (/^[A-Za-z0-9_+-]+(\/[A-Za-z0-9_+-]+)*$/.test(iana)) {
    try {
      const file = readFileSync(path.join(ZONEINFO, iana));
      if (file.subarray(0, 4).toString("latin1") === "TZif" && file[4] !== 0) {
        const footer = file
          .subarray(file.lastIndexOf(0x0a, file.length - 2) + 1)
          .toString("latin1")
          .trim();
        if (/^[ -~]{1,62}$/.test(footer)) tz = footer;
      }
    } catch {
      // not a zone this machine knows
    }
  }
  cache.set(iana, tz);
  return tz;
}
