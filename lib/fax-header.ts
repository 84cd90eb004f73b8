/**
 * The header line a sent fax carries on every page (47 CFR 68.318(d): date and time sent, the
 * sender's name and fax number). The fax engine prints it as it transmits (spandsp, or FreeSWITCH's
 * mod_spandsp): date and time in the organisation's zone, `faxHeaderInfo`, the caller ID and "p.k".
 * The preview of the fax pages shows the same line, so a person sees what the far end will print.
 */
const MONTHS = ["Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"];

/** The header's own text: the organisation's name (ASCII: the header font has nothing else) and page count. */
export function faxHeaderInfo(organisation: string, pages: number | null): string {
  const suffix = pages ? ` (${pages} ${pages === 1 ? "page" : "pages"})` : "";
  const name = organisation
    .normalize("NFKD")
    .replace(/[^ -~]/g, "")
    .replace(/\s+/g, " ")
    .trim();
  return `${name.slice(0, 50 - suffix.length)}${suffix}`.trim();
}

/** The whole line as the far end prints it on page `page`. */
export function faxHeaderLine(opts: {
  at: Date;
  timeZone: string;
  info: string;
  callerId: string | null;
  page: number;
}): string {
  const parts = Object.fromEntries(
    new Intl.DateTimeFormat("en-GB", {
      timeZone: opts.timeZone,
      day: "numeric",
      month: "numeric",
      year: "numeric",
      hour: "2-digit",
      minute: "2-digit",
      hourCycle: "h23",
    })
      .formatToParts(opts.at)
      .map((p) => [p.type, p.value]),
  );
  const date = `${Number(parts.day)}-${MONTHS[Number(parts.month) - 1]}-${parts.year}`;
  return `${date}  ${parts.hour}:${parts.minute}    ${opts.info}    ${opts.callerId ?? ""}    p.${opts.page}`;
}
