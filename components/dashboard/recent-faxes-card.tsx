import { formatPhone } from "@/components/did/did-labels";
import { Card, CardContent, CardDescription, CardHeader, CardTitle } from "@/components/ui/card";
import type { DashboardFax } from "@/server/dashboard/get-dashboard";

const STATUS: Record<string, string> = {
  QUEUED: "Waiting to send",
  IN_PROGRESS: "Sending",
  SENT: "Sent",
  FAILED: "Failed",
  CANCELLED: "Cancelled",
  RECEIVING: "Receiving",
  RECEIVED: "Received",
  PARTIAL: "Partly received",
};

/** The person's latest sent and received faxes, or a friendly word while there are none. */
export function RecentFaxesCard({ faxes }: { faxes: DashboardFax[] }) {
  return (
    <Card data-testid="recent-faxes">
      <CardHeader>
        <CardTitle>Recent faxes</CardTitle>
        <CardDescription>Your latest sent and received faxes.</CardDescription>
      </CardHeader>
      <CardContent>
        {faxes.length === 0 ? (
          <p className="text-sm">
            No faxes yet. Faxes you send and receive will be listed here once sending and receiving open in a later
            release.
          </p>
        ) : (
          <ul className="grid gap-2 text-sm">
            {faxes.map((f) => (
              <li key={`${f.direction}-${f.id}`} className="flex flex-wrap justify-between gap-x-4">
                <span>
                  {f.direction === "sent" ? "To" : "From"}{" "}
                  <span className="font-medium whitespace-nowrap">{formatPhone(f.number)}</span>
                  {f.pages ? ` · ${f.pages} ${f.pages === 1 ? "page" : "pages"}` : ""}
                </span>
                <span className="text-muted-foreground">
                  {STATUS[f.status] ?? f.status} · {f.at.toLocaleDateString("en-GB", { dateStyle: "medium" })}
                </span>
              </li>
            ))}
          </ul>
        )}
      </CardContent>
    </Card>
  );
}
