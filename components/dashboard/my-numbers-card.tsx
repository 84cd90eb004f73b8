import Link from "next/link";
import { formatPhone, forwardLabel } from "@/components/did/did-labels";
import { Card, CardContent, CardDescription, CardHeader, CardTitle } from "@/components/ui/card";
import type { DashboardNumber } from "@/server/dashboard/get-dashboard";

/** The fax numbers that reach the signed-in person, with where each one's faxes go. */
export function MyNumbersCard({ numbers, isAdmin }: { numbers: DashboardNumber[]; isAdmin: boolean }) {
  return (
    <Card data-testid="my-numbers">
      <CardHeader>
        <CardTitle>Your fax numbers</CardTitle>
        <CardDescription>Faxes sent to these numbers reach you.</CardDescription>
      </CardHeader>
      <CardContent>
        {numbers.length === 0 ? (
          <p className="text-sm">
            {isAdmin
              ? "No fax number is given to you yet. Give yourself one on the Fax numbers page once your provider has assigned some."
              : "No fax number is given to you yet. Your organisation admin gives fax numbers to people."}
          </p>
        ) : (
          <ul className="grid gap-2">
            {numbers.map((n) => (
              <li key={n.id} className="flex flex-wrap items-baseline justify-between gap-x-4 gap-y-0.5">
                <span className="font-medium whitespace-nowrap">
                  {formatPhone(n.number)}
                  {n.title ? <span className="ml-2 font-normal text-muted-foreground">{n.title}</span> : null}
                </span>
                <span className="min-w-0 break-all text-sm text-muted-foreground">{forwardLabel(n)}</span>
              </li>
            ))}
          </ul>
        )}
        <p className="mt-3 text-sm">
          <Link href="/my-dids" className="text-primary hover:underline">
            Manage forwarding
          </Link>
        </p>
      </CardContent>
    </Card>
  );
}
