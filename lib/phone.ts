/** Phone-number rules shared by browser and server: everything is stored as E.164. */
import { parsePhoneNumberFromString } from "libphonenumber-js/max";

export const DEFAULT_COUNTRY = "US";

/** Returns the E.164 form, or null when the input is not a valid, dialable number. */
export function toE164(input: string, country = DEFAULT_COUNTRY): string | null {
  const trimmed = input.trim();
  if (!/^[+(\d][\d\s().-]*$/.test(trimmed)) return null;
  const parsed = parsePhoneNumberFromString(trimmed, country as Parameters<typeof parsePhoneNumberFromString>[1]);
  if (!parsed?.isValid()) return null;
  return parsed.number;
}

export function formatPhone(e164: string): string {
  const parsed = parsePhoneNumberFromString(e164);
  return parsed ? parsed.formatInternational() : e164;
}
