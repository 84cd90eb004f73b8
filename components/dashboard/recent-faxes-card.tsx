import Link from "next/link";
import { formatPhone } from "@/components/did/did-labels";
import { FaxStatusText } from "@/components/fax/fax-status";
import { Card, CardContent, CardDescription, CardHeader, CardTitle } from "@/components/ui/card";
import { DateTime } from "@/components/ui/date-time";
import type { DashboardFax } from "@/server/dashboard/get-dashboard";

/** Received faxes' words; a sent fax says its state as every other page does (FaxStatusText). */
const RECEIVED_STATUS: Record<string, string> = {
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
          <div className="grid justify-items-start gap-2 text-sm">
            <p>
              No faxes yet. Faxes you send are listed here with their status; received faxes join them once receiving
              opens (marked Soon in the navigation).
            </p>
            <Link href="/send/new" className="font-medium text-primary hover:underline">
              Send a fax
            </Link>
          </div>
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
                  {f.job ? <FaxStatusText fax={f.job} /> : (RECEIVED_STATUS[f.status] ?? f.status)} ·{" "}
                  <DateTime value={f.at} dateOnly />
                </span>
              </li>
            ))}
          </ul>
        )}
      </CardContent>
    </Card>
  );
}
