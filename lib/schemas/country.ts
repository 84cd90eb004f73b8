/**
 * An organisation's country (ISO 3166-1 alpha-2): fax numbers typed without +country are read as
 * numbers of it. Only countries the phone-number rules (libphonenumber) know can be chosen.
 */
import { getCountries, getCountryCallingCode, isSupportedCountry } from "libphonenumber-js/max";
import { z } from "zod";

export type CountryCode = ReturnType<typeof getCountries>[number];

/** A country's name in `locale` (the browser's language, or English), falling back to its code. */
export function countryName(code: string, locale?: string): string {
  try {
    return new Intl.DisplayNames(locale ? [locale, "en"] : ["en"], { type: "region" }).of(code) ?? code;
  } catch {
    return code;
  }
}

/** Every country that can be chosen, with its name and calling code, sorted by name. */
export function countryOptions(locale?: string): { code: CountryCode; name: string; callingCode: string }[] {
  const names = new Intl.DisplayNames(locale ? [locale, "en"] : ["en"], { type: "region" });
  const collator = new Intl.Collator(locale ? [locale, "en"] : ["en"]);
  return getCountries()
    .map((code) => ({ code, name: names.of(code) ?? code, callingCode: getCountryCallingCode(code) }))
    .sort((a, b) => collator.compare(a.name, b.name));
}

export const countrySchema = z
  .string()
  .trim()
  .toUpperCase()
  .refine((v) => /^[A-Z]{2}$/.test(v) && isSupportedCountry(v), "Choose a country from the list, e.g. United Kingdom")
  .meta({ examples: ["GB"] });

/** An organisation admin sets their own organisation's country. */
export const countryChoiceSchema = z.object({ country: countrySchema });
