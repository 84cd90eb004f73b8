"use client";
/** The columns both sent-fax lists show alike (an organisation's Send fax and the platform's Sent faxes). */
import type { DataColumn } from "@/components/ui/data-table";
import { DateTime, usePageTimeZone, useViewerLocale } from "@/components/ui/date-time";
import { formatClockTime } from "@/lib/dates/format-date-time";
import { attemptsLabel } from "@/lib/fax-job-status";
import { formatPhone } from "@/lib/phone";
import { FaxStatus, type FaxStatusFacts, useFaxStatusWords } from "./fax-status";

type FaxRow = FaxStatusFacts & {
  callerId: string | null;
  submittedAt: Date | string;
};

export function useSharedFaxColumns<T extends FaxRow>(): Record<
  "status" | "attempts" | "callerId" | "submitted",
  DataColumn<T>
> {
  const words = useFaxStatusWords();
  return {
    status: {
      id: "status",
      header: "Status",
      key: true,
      sortValue: (f) => words(f).sentence,
      cell: (f) => <FaxStatus fax={f} compact />,
    },
    attempts: {
      id: "attempts",
      header: "Attempts",
      sortValue: (f) => f.attemptsMade,
      cell: (f) => <span className="whitespace-nowrap">{attemptsLabel(f)}</span>,
    },
    callerId: {
      id: "callerId",
      header: "Caller ID",
      // Hidden at first so the list fits a laptop's width; the column chooser shows it.
      optional: "hidden",
      cell: (f) => (f.callerId ? <span className="whitespace-nowrap">{formatPhone(f.callerId)}</span> : "—"),
    },
    submitted: {
      id: "submitted",
      header: "Submitted",
      sortValue: (f) => new Date(f.submittedAt),
      cell: (f) => <DateTime value={f.submittedAt} />,
    },
  };
}

/**
 * Under the number in a list's first column: what tells two faxes to one number apart on a phone
 * (title, organisation, when). `phoneOnly` lines repeat a column that phones do not show.
 */
export function FaxRowFacts({ lines, phoneOnly = [] }: { lines: React.ReactNode[]; phoneOnly?: React.ReactNode[] }) {
  return (
    <span className="mt-0.5 grid gap-0.5 text-xs text-muted-foreground" data-testid="fax-row-facts">
      {lines.filter(Boolean).map((line, i) => (
        // biome-ignore lint/suspicious/noArrayIndexKey: fixed lines in a fixed order
        <span key={i} className="block min-w-0 truncate">
          {line}
        </span>
      ))}
      {phoneOnly.filter(Boolean).map((line, i) => (
        // biome-ignore lint/suspicious/noArrayIndexKey: fixed lines in a fixed order
        <span key={`p${i}`} className="block min-w-0 md:hidden">
          {line}
        </span>
      ))}
    </span>
  );
}

/** When a fax was sent, short enough for a phone's first column: "12:40 AM UTC" today, else with the day. */
export function ShortTime({ value }: { value: Date | string }) {
  const timeZone = usePageTimeZone();
  const locale = useViewerLocale();
  const date = new Date(value);
  return (
    <time dateTime={date.toISOString()} className="whitespace-nowrap">
      {formatClockTime(date, { timeZone, locale })}
    </time>
  );
}
