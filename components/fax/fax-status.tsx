/** An outbound fax's status as a badge, with its plain explanation when it failed. */
import { Badge } from "@/components/ui/badge";

const VARIANT = {
  QUEUED: "default",
  IN_PROGRESS: "warning",
  SENT: "success",
  FAILED: "danger",
  CANCELLED: "muted",
} as const;

export type FaxStatusFacts = {
  status: keyof typeof VARIANT;
  statusLabel: string;
  failure: { label: string; explanation: string } | null;
};

export function FaxStatus({ fax, explain = false }: { fax: FaxStatusFacts; explain?: boolean }) {
  return (
    <span className="grid gap-1">
      <Badge variant={VARIANT[fax.status]} data-testid="fax-status">
        {fax.statusLabel}
      </Badge>
      {explain && fax.failure && fax.status !== "SENT" ? (
        <span className="text-xs text-muted-foreground">{fax.failure.explanation}</span>
      ) : null}
    </span>
  );
}

export const isActive = (fax: { status: string }) => fax.status === "QUEUED" || fax.status === "IN_PROGRESS";
