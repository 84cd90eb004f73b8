import { Badge } from "@/components/ui/badge";

const VARIANTS = { sent: "success", failed: "danger", queued: "warning" } as const;

export function StatusBadge({ status }: { status: string }) {
  const variant = status in VARIANTS ? VARIANTS[status as keyof typeof VARIANTS] : "muted";
  return <Badge variant={variant}>{status}</Badge>;
}
