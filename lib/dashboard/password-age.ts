/** "Password changed 12 days ago. It expires in 78 days." — in whole days, so no time zone matters. */
const DAY = 24 * 60 * 60 * 1000;

const days = (n: number) => `${n} ${n === 1 ? "day" : "days"}`;

export function passwordAge(changedAt: Date, maxAgeDays: number | null, now: Date): string {
  const age = Math.max(0, Math.floor((now.getTime() - changedAt.getTime()) / DAY));
  const changed = age === 0 ? "Password changed today." : `Password changed ${days(age)} ago.`;
  if (maxAgeDays == null) return `${changed} It does not expire.`;
  const left = maxAgeDays - age;
  if (left <= 0) return `${changed} It has expired: change it now.`;
  return `${changed} It expires in ${days(left)}${left <= 14 ? ": change it soon" : ""}.`;
}
