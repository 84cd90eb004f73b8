"use client";
/** The columns both sent-fax lists show alike (an organisation's Send fax and the platform's Sent faxes). */
import type { DataColumn } from "@/components/ui/data-table";
import { DateTime } from "@/components/ui/date-time";
import { formatPhone } from "@/lib/phone";
import { FaxStatus, type FaxStatusFacts } from "./fax-status";

type FaxRow = FaxStatusFacts & {
  attemptsMade: number;
  maxAttempts: number;
  callerId: string | null;
  submittedAt: Date | string;
};

export function sharedFaxColumns<T extends FaxRow>(): Record<
  "status" | "attempts" | "callerId" | "submitted",
  DataColumn<T>
> {
  return {
    status: {
      id: "status",
      header: "Status",
      key: true,
      sortValue: (f) => f.statusLabel,
      cell: (f) => <FaxStatus fax={f} explain />,
    },
    attempts: {
      id: "attempts",
      header: "Attempts",
      sortValue: (f) => f.attemptsMade,
      cell: (f) => `${f.attemptsMade} of ${f.maxAttempts}`,
    },
    callerId: {
      id: "callerId",
      header: "Caller ID",
      optional: true,
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
