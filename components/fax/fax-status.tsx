"use client";
/**
 * An outbound fax's status, in the words of lib/fax-job-status.ts (the same everywhere) and the
 * page's time zone. In a list (`compact`): the state in a badge that never wraps, the attempt or the
 * next try beneath, and the explanation cut to two lines (whole in its tooltip and on the fax page).
 */
import { Badge } from "@/components/ui/badge";
import { cn } from "@/components/ui/cn";
import { usePageTimeZone, useViewerLocale } from "@/components/ui/date-time";
import { type FaxJobStatusFacts, type FaxStatusWords, faxJobStatusWords } from "@/lib/fax-job-status";

const VARIANT = {
  QUEUED: "default",
  IN_PROGRESS: "warning",
  SENT: "success",
  FAILED: "danger",
  CANCELLED: "muted",
} as const;

export type FaxStatusFacts = FaxJobStatusFacts & {
  failure: { label: string; explanation: string } | null;
};

/** The words for a fax's state in this page's zone and the viewer's locale. */
export function useFaxStatusWords(): (fax: FaxJobStatusFacts) => FaxStatusWords {
  const timeZone = usePageTimeZone();
  const locale = useViewerLocale();
  return (fax) => faxJobStatusWords(fax, { timeZone, locale });
}

export function FaxStatus({ fax, compact = false }: { fax: FaxStatusFacts; compact?: boolean }) {
  const words = useFaxStatusWords()(fax);
  // While waiting to retry, the badge does not name what went wrong: the explanation does.
  const explanation =
    fax.failure && fax.status !== "SENT"
      ? fax.status === "FAILED"
        ? fax.failure.explanation
        : `Last try: ${fax.failure.label}. ${fax.failure.explanation}`
      : null;
  return (
    <span className={cn("grid justify-items-start gap-1", compact && "min-w-36")}>
      <Badge
        variant={VARIANT[fax.status]}
        data-testid="fax-status"
        className={compact ? "whitespace-nowrap" : "max-w-full"}
      >
        {compact ? words.headline : words.sentence}
      </Badge>
      {compact && words.detail ? (
        <span className="text-xs whitespace-nowrap" data-testid="fax-status-detail">
          {words.detail}
        </span>
      ) : null}
      {explanation ? (
        <span
          className={cn("text-xs text-muted-foreground", compact && "line-clamp-2 max-w-48")}
          title={compact ? explanation : undefined}
          data-testid="fax-status-explanation"
        >
          {explanation}
        </span>
      ) : null}
    </span>
  );
}

/** The status as plain words (the dashboard's recent faxes). */
export function FaxStatusText({ fax }: { fax: FaxJobStatusFacts }) {
  return <span data-testid="fax-status-text">{useFaxStatusWords()(fax).sentence}</span>;
}

export const isActive = (fax: { status: string }) => fax.status === "QUEUED" || fax.status === "IN_PROGRESS";
