import { Card, CardContent } from "@/components/ui/card";
import { PageHeader } from "./page-header";

/** An honest empty state for a section a later release builds — never fake data. */
export function NotAvailable({ title, what }: { title: string; what: string }) {
  return (
    <>
      <PageHeader title={title} />
      <Card>
        <CardContent className="pt-5">
          <p className="font-medium">Not available yet</p>
          <p className="mt-1 text-sm text-muted-foreground">{what}</p>
        </CardContent>
      </Card>
    </>
  );
}
