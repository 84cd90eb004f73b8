/**
 * What a fax's transmission report says, from the fax as the portal shows it: when, who sent it
 * from which number, where to, what the far machine called itself, pages sent of total, how long,
 * how fast, and the result in plain words — the facts a fax machine prints on its report.
 */
import { formatDateTime } from "@/lib/dates/format-date-time";
import { formatPhone } from "@/lib/phone";
import type { GreyImage, TransmissionReport } from "./transmission-report-pdf";

export type ReportFax = {
  id: string;
  title: string | null;
  toNumber: string;
  callerId: string | null;
  statusLabel: string;
  status: string;
  pages: number | null;
  attemptsMade: number;
  maxAttempts: number;
  submittedAt: Date | string;
  completedAt: Date | string | null;
  failure: { label: string; explanation: string } | null;
  user: { username: string; firstName: string; lastName: string } | null;
  tenant: { name: string };
  attempts: {
    startedAt: Date | string;
    endedAt: Date | string | null;
    pagesSent: number;
    totalPages: number | null;
    durationMs: number | null;
    bitRate: number | null;
    remoteStationId: string | null;
    outcome: { label: string; explanation: string } | null;
  }[];
};

const DELIVERED = "The receiving fax machine confirmed every page.";

export function transmissionReport(
  fax: ReportFax,
  opts: { timeZone: string; locale?: string; firstPage: GreyImage | null; imageNote?: string },
): TransmissionReport {
  const last = fax.attempts.at(-1);
  const when = (d: Date | string | null | undefined) =>
    d ? formatDateTime(d, { timeZone: opts.timeZone, locale: opts.locale, seconds: true }) : "—";
  const sender = fax.user
    ? `${`${fax.user.firstName} ${fax.user.lastName}`.trim() || fax.user.username} (${fax.user.username}), ${fax.tenant.name}`
    : fax.tenant.name;
  const total = last?.totalPages ?? fax.pages;
  const facts: [string, string][] = [
    ["Date and time", when(last?.startedAt ?? fax.submittedAt)],
    ["Completed", when(fax.completedAt)],
    ["Sender", sender],
    ["Caller ID", fax.callerId ? formatPhone(fax.callerId) : "—"],
    ["Destination", formatPhone(fax.toNumber)],
    ["Remote station ID", last?.remoteStationId || "—"],
    ["Pages sent", last ? `${last.pagesSent} of ${total ?? "?"}` : `0 of ${total ?? "?"}`],
    ["Duration", last?.durationMs != null ? `${Math.round(last.durationMs / 1000)} s` : "—"],
    ["Bit rate", last?.bitRate ? `${last.bitRate} bit/s` : "—"],
    ["Attempts", `${fax.attemptsMade} of ${fax.maxAttempts}`],
    ...(fax.title ? [["Title", fax.title] as [string, string]] : []),
  ];
  const sent = fax.status === "SENT";
  return {
    title: "Fax transmission report",
    facts,
    result: sent ? "Delivered" : (fax.failure?.label ?? fax.statusLabel),
    explanation: sent ? DELIVERED : (fax.failure?.explanation ?? last?.outcome?.explanation ?? ""),
    firstPage: opts.firstPage,
    imageNote: opts.imageNote,
    footer: `Fax ${fax.id} · report made ${when(new Date())}`,
  };
}

/** The report's file name: date and destination, e.g. fax-report-2026-11-24-13125550123.pdf. */
export function transmissionReportFileName(fax: Pick<ReportFax, "toNumber" | "submittedAt">): string {
  const day = new Date(fax.submittedAt).toISOString().slice(0, 10);
  return `fax-report-${day}-${fax.toNumber.replace(/\D/g, "")}.pdf`;
}
