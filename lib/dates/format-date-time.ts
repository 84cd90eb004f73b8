/**
 * Dates as people read them: in the viewer's locale and the organisation's time zone, with the
 * zone named ("23 Nov 2026, 14:05 CET"). Lists leave out seconds; a detail view may ask for them.
 */
export interface DateTimeOptions {
  /** The viewer's locale (e.g. navigator.language); undefined → the runtime's default. */
  locale?: string;
  /** An IANA time zone; unknown zones fall back to UTC rather than throw. */
  timeZone: string;
  seconds?: boolean;
  /** Only the date ("23 Nov 2026"), no time or zone. */
  dateOnly?: boolean;
}

export function formatDateTime(date: Date | string | number, opts: DateTimeOptions): string {
  const d = date instanceof Date ? date : new Date(date);
  if (Number.isNaN(d.getTime())) return "—";
  const fields: Intl.DateTimeFormatOptions = opts.dateOnly
    ? { day: "numeric", month: "short", year: "numeric" }
    : {
        day: "numeric",
        month: "short",
        year: "numeric",
        hour: "2-digit",
        minute: "2-digit",
        ...(opts.seconds ? { second: "2-digit" } : {}),
        timeZoneName: "short",
      };
  return formatter(opts.locale, safeZone(opts.timeZone), fields).format(d);
}

/**
 * A time soon, e.g. the next try: "8:02 PM CET" today in that zone, "8 Dec, 8:02 PM CET" on
 * another day (in the viewer's locale, so "20:02" where people read 24-hour clocks).
 */
export function formatClockTime(
  date: Date | string | number,
  opts: { locale?: string; timeZone: string; now?: Date },
): string {
  const d = date instanceof Date ? date : new Date(date);
  if (Number.isNaN(d.getTime())) return "—";
  const zone = safeZone(opts.timeZone);
  const day = formatter("en-CA", zone, { year: "numeric", month: "2-digit", day: "2-digit" });
  const today = day.format(d) === day.format(opts.now ?? new Date());
  const fields: Intl.DateTimeFormatOptions = {
    ...(today ? {} : { day: "numeric", month: "short" }),
    hour: "numeric",
    minute: "2-digit",
    timeZoneName: "short",
  };
  return formatter(opts.locale, zone, fields).format(d);
}

/** The full, unambiguous form for a tooltip: ISO-like date with seconds and the zone's own name. */
export function formatDateTimeLong(date: Date | string | number, opts: Omit<DateTimeOptions, "seconds">): string {
  const d = date instanceof Date ? date : new Date(date);
  if (Number.isNaN(d.getTime())) return "—";
  const zone = safeZone(opts.timeZone);
  const text = formatter(opts.locale, zone, {
    dateStyle: "full",
    timeStyle: "long",
  }).format(d);
  return zone === "UTC" || text.includes(zone) ? text : `${text} (${zone})`;
}

function safeZone(zone: string): string {
  try {
    new Intl.DateTimeFormat("en", { timeZone: zone });
    return zone;
  } catch {
    return "UTC";
  }
}

// Building a formatter is costly and a list formats many dates the same way.
const formatters = new Map<string, Intl.DateTimeFormat>();

function formatter(locale: string | undefined, timeZone: string, fields: Intl.DateTimeFormatOptions) {
  const key = `${locale ?? ""}|${timeZone}|${JSON.stringify(fields)}`;
  let f = formatters.get(key);
  if (!f) {
    try {
      f = new Intl.DateTimeFormat(locale, { ...fields, timeZone });
    } catch {
      // A malformed locale string from the browser: the runtime's default reads fine too.
      f = new Intl.DateTimeFormat(undefined, { ...fields, timeZone });
    }
    formatters.set(key, f);
  }
  return f;
}
