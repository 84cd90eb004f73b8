/** Phone-number rules shared by browser and server: everything is stored as E.164. */
import { parsePhoneNumberFromString, validatePhoneNumberLength } from "libphonenumber-js/max";

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

/**
 * Number types that can cost the organisation far more than a fax should (fraud dials them on
 * purpose). Refused unless the platform admin allows them for the organisation (Tenant.allowCostlyNumbers).
 * Left allowed: toll-free, fixed line, mobile, pager, VoIP at home, and "UAN" business numbers
 * (charged at national rates in most countries).
 */
export type CostlyNumberKind = "premium-rate" | "shared-cost" | "personal" | "satellite" | "international network";

const COSTLY_TYPES: Partial<Record<string, CostlyNumberKind>> = {
  PREMIUM_RATE: "premium-rate",
  SHARED_COST: "shared-cost",
  PERSONAL_NUMBER: "personal",
};

/** Non-geographic country calling codes that are costly whatever the number type says. */
const COSTLY_CALLING_CODES: Partial<Record<string, CostlyNumberKind>> = {
  "979": "premium-rate", // International Premium Rate Service
  "870": "satellite", // Inmarsat
  "881": "satellite", // Global Mobile Satellite System (Iridium, Globalstar …)
  "882": "international network",
  "883": "international network",
};

/** Which costly kind an E.164 number is, or null for an ordinary number. */
export function costlyNumberKind(e164: string): CostlyNumberKind | null {
  const parsed = parsePhoneNumberFromString(e164);
  if (!parsed) return null;
  return COSTLY_CALLING_CODES[parsed.countryCallingCode] ?? COSTLY_TYPES[parsed.getType() ?? ""] ?? null;
}

/** The reason shown beside the field for a costly number this organisation may not dial. */
export function costlyNumberReason(kind: CostlyNumberKind): string {
  const what = {
    "premium-rate": "premium-rate numbers",
    "shared-cost": "shared-cost numbers",
    personal: "personal (follow-me) numbers",
    satellite: "satellite phone numbers",
    "international network": "international network numbers (+882, +883)",
  }[kind];
  return `${what[0]!.toUpperCase()}${what.slice(1)} are not allowed for your organisation`;
}

/**
 * Why `input` is not a number that can be dialled, read in `country` (as toE164 reads it), in words
 * that follow the number: "is too short". Null when it is valid.
 */
export function invalidNumberReason(input: string, country = DEFAULT_COUNTRY): string | null {
  const trimmed = input.trim();
  if (toE164(trimmed, country)) return null;
  if (/[a-z]/i.test(trimmed)) return "has letters in it (type the digits)";
  if (!/^[+(\d][\d\s().-]*$/.test(trimmed)) return "is not a phone number";
  const code = country as Parameters<typeof parsePhoneNumberFromString>[1];
  const length = validatePhoneNumberLength(trimmed, code);
  if (length === "INVALID_COUNTRY") return "starts with a country code that does not exist";
  if (length === "NOT_A_NUMBER") return "is not a phone number";
  if (length === "TOO_SHORT") return "is too short";
  if (length === "TOO_LONG") return "is too long";
  if (length === "INVALID_LENGTH") return "has the wrong number of digits";
  if (trimmed.startsWith("+")) {
    const callingCode = parsePhoneNumberFromString(trimmed)?.countryCallingCode;
    return callingCode ? `is not a valid +${callingCode} number` : "is not a valid number for its country code";
  }
  return `is not a valid ${regionName(country)} number (for another country, start with + and its code)`;
}

function regionName(code: string): string {
  try {
    return new Intl.DisplayNames(["en"], { type: "region" }).of(code) ?? code;
  } catch {
    return code;
  }
}
