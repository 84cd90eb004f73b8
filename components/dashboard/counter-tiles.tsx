import { Card, CardContent } from "@/components/ui/card";
import type { DashboardCounter } from "@/server/dashboard/get-dashboard";

/** Administrators' figures (plain: the navigation beside them leads to each list). */
export function CounterTiles({ title, counters }: { title: string; counters: DashboardCounter[] }) {
  return (
    <section aria-labelledby="counters-title" className="mb-6" data-testid="counters">
      <h2 id="counters-title" className="mb-3 text-lg font-semibold">
        {title}
      </h2>
      <ul className="grid grid-cols-2 gap-4 md:grid-cols-3 lg:grid-cols-6">
        {counters.map((c) => (
          <li key={c.label}>
            <Card className="h-full">
              <CardContent>
                <div className="text-2xl font-semibold">{c.value}</div>
                <div className="text-sm text-muted-foreground">{c.label}</div>
              </CardContent>
            </Card>
          </li>
        ))}
      </ul>
    </section>
  );
}
