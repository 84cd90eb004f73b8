/** An organisation's time zone: an IANA name this runtime knows, or "UTC". */
import { z } from "zod";

/** The zones offered in pickers; "UTC" first (runtimes list it only under "Etc/…", if at all). */
export function timeZoneNames(): string[] {
  return ["UTC", ...Intl.supportedValuesOf("timeZone").filter((z) => z !== "UTC")];
}

export function isTimeZone(value: string): boolean {
  return value === "UTC" || Intl.supportedValuesOf("timeZone").includes(value);
}

export const timeZoneSchema = z
  .string()
  .trim()
  .max(64)
  .refine(isTimeZone, "Choose a time zone from the list, e.g. Europe/Berlin")
  .meta({ examples: ["Europe/Berlin"] });

/** An organisation admin sets their own organisation's zone. */
export const timeZoneChoiceSchema = z.object({ timeZone: timeZoneSchema });
