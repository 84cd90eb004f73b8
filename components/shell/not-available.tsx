import Link from "next/link";
import { Badge } from "@/components/ui/badge";
import { Card, CardContent } from "@/components/ui/card";
import { PageHeader } from "./page-header";

/**
 * The page of a section a later release builds (marked "Soon" in the navigation): it says plainly
 * that it is coming and what it will do — never fake data — and offers the way back.
 */
export function NotAvailable({ title, what }: { title: string; what: string }) {
  return (
    <>
      <PageHeader title={title} />
      <Card data-testid="coming-soon">
        <CardContent className="grid gap-2">
          <p className="flex items-center gap-2 font-medium">
            <Badge variant="muted">Soon</Badge>
            Coming in a later release — not available yet.
          </p>
          <p className="text-sm text-muted-foreground">{what}</p>
          <p className="text-sm">
            <Link href="/dashboard" className="text-primary hover:underline">
              Back to the dashboard
            </Link>
          </p>
        </CardContent>
      </Card>
    </>
  );
}
