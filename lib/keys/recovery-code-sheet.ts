/** The recovery code as a file: named for the organisation and the day, saying what it is for. */

/** The day in the person's own calendar, YYYY-MM-DD. */
function localDay(date: Date): string {
  const pad = (n: number) => String(n).padStart(2, "0");
  return `${date.getFullYear()}-${pad(date.getMonth() + 1)}-${pad(date.getDate())}`;
}

export function recoveryCodeFileName(slug: string, madeAt: Date): string {
  return `${slug}-recovery-code-${localDay(madeAt)}.txt`;
}

export function recoveryCodeText(organisation: string, code: string, madeAt: Date): string {
  return [
    `${organisation} — recovery code`,
    `Made on ${localDay(madeAt)}`,
    "",
    code,
    "",
    `It restores access to ${organisation}'s documents if every organisation admin loses their password.`,
    "Keep it offline, somewhere safe. If an organisation admin makes a new code, this one stops working.",
    "",
  ].join("\n");
}
