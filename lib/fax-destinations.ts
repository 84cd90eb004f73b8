/**
 * The numbers of one New fax, as typed, checked once for the form and the server alike: each read
 * in the organisation's country to E.164, each bad one with its reason, costly kinds refused unless
 * the organisation is allowed them, and the same number typed twice merged into one fax.
 */
import { FAX_STATUSES } from "./fax-statuses";
import { costlyNumberKind, costlyNumberReason, formatPhone, invalidNumberReason, toE164 } from "./phone";

export type CheckedDestinations = {
  /** The distinct numbers that will be faxed (E.164, in the order first typed). */
  numbers: string[];
  /** Entries that cannot be dialled, each with why ("is too short"). */
  invalid: { entry: string; reason: string }[];
  /** Costly numbers this organisation may not dial: one reason, its numbers (formatted). */
  costly: { reason: string; numbers: string[] }[];
  /** Entries left out because the same number was typed before (in any notation). */
  duplicates: number;
};

export function checkDestinations(
  entries: readonly string[],
  opts: { country: string; allowCostlyNumbers: boolean },
): CheckedDestinations {
  const numbers: string[] = [];
  const invalid: CheckedDestinations["invalid"] = [];
  const costly = new Map<string, string[]>();
  let duplicates = 0;
  for (const entry of entries) {
    const e164 = toE164(entry, opts.country);
    if (!e164) {
      invalid.push({ entry, reason: invalidNumberReason(entry, opts.country) ?? "is not a valid fax number" });
      continue;
    }
    if (numbers.includes(e164) || [...costly.values()].some((list) => list.includes(formatPhone(e164)))) {
      duplicates++;
      continue;
    }
    const kind = opts.allowCostlyNumbers ? null : costlyNumberKind(e164);
    if (kind)
      costly.set(costlyNumberReason(kind), [...(costly.get(costlyNumberReason(kind)) ?? []), formatPhone(e164)]);
    else numbers.push(e164);
  }
  return {
    numbers,
    invalid,
    costly: [...costly].map(([reason, list]) => ({ reason, numbers: list })),
    duplicates,
  };
}

/** The refusal for bad entries, each named with its reason, or null when there are none. */
export function destinationProblems(checked: CheckedDestinations): string | null {
  const sentences: string[] = [];
  if (checked.invalid.length) {
    const list = checked.invalid.map((p) => `"${p.entry}" ${p.reason}`).join("; ");
    sentences.push(`${FAX_STATUSES.INVALID_NUMBER.label}: ${list}.`);
  }
  for (const { reason, numbers } of checked.costly) sentences.push(`${reason}: ${numbers.join(", ")}.`);
  return sentences.length ? sentences.join(" ") : null;
}

/** "2 duplicates merged" (null when there were none), said beside the numbers. */
export function duplicatesMerged(count: number): string | null {
  if (!count) return null;
  return `${count} duplicate${count === 1 ? "" : "s"} merged`;
}
