"use client";
/**
 * Every date the portal shows: the viewer's locale, the organisation's time zone (from the page's
 * TimeZoneProvider, or the `timeZone` given, e.g. a row's organisation on platform pages), the zone
 * named, no seconds. The full form is in the tooltip and the `dateTime` attribute.
 */
import { createContext, useContext, useSyncExternalStore } from "react";
import { formatDateTime, formatDateTimeLong } from "@/lib/dates/format-date-time";

const TimeZoneContext = createContext("UTC");

export function TimeZoneProvider({ timeZone, children }: { timeZone: string; children: React.ReactNode }) {
  return <TimeZoneContext.Provider value={timeZone}>{children}</TimeZoneContext.Provider>;
}

/** The zone dates on this page are shown in. */
export function usePageTimeZone(): string {
  return useContext(TimeZoneContext);
}

const noChange = () => () => {};
/** The browser's locale; the server (and hydration) render with the runtime's default first. */
export function useViewerLocale(): string | undefined {
  return useSyncExternalStore(
    noChange,
    () => navigator.language,
    () => undefined,
  );
}

export function DateTime({
  value,
  timeZone,
  seconds,
  dateOnly,
  className,
}: {
  value: Date | string | number;
  /** Overrides the page's zone (platform admin lists: the row's organisation). */
  timeZone?: string;
  seconds?: boolean;
  dateOnly?: boolean;
  className?: string;
}) {
  const pageZone = usePageTimeZone();
  const locale = useViewerLocale();
  const zone = timeZone ?? pageZone;
  const date = value instanceof Date ? value : new Date(value);
  return (
    <time
      dateTime={Number.isNaN(date.getTime()) ? undefined : date.toISOString()}
      title={formatDateTimeLong(date, { locale, timeZone: zone })}
      className={className ?? "whitespace-nowrap"}
    >
      {formatDateTime(date, { locale, timeZone: zone, seconds, dateOnly })}
    </time>
  );
}
