import type { Metadata } from "next";
import { PageHeader } from "@/components/shell/page-header";
import { Card, CardContent } from "@/components/ui/card";
import { serverTrpc } from "@/server/trpc/server-caller";

export const metadata: Metadata = { title: "Dashboard" };

export default async function DashboardPage() {
  const api = await serverTrpc();
  const [me, o] = await Promise.all([api.auth.me(), api.dashboard.overview()]);
  const platform = me.role === "PLATFORM_ADMIN";
  const tiles = [
    ...(platform
      ? [
          { label: "Tenants", value: o.tenants },
          { label: "Active trunks", value: o.trunks },
        ]
      : []),
    { label: platform ? "Users (all tenants)" : "Users", value: o.users },
    { label: "DID numbers", value: o.dids },
    { label: "Assigned to users", value: o.assignedDids },
    { label: "Locked users", value: o.lockedUsers },
  ];
  return (
    <>
      <PageHeader title="Dashboard" description={`Welcome, ${me.firstName || me.username}.`} />
      <div className="grid grid-cols-2 gap-4 md:grid-cols-3 lg:grid-cols-6">
        {tiles.map((t) => (
          <Card key={t.label}>
            <CardContent className="pt-5">
              <div className="text-2xl font-semibold">{t.value}</div>
              <div className="text-sm text-muted-foreground">{t.label}</div>
            </CardContent>
          </Card>
        ))}
      </div>
      <p className="mt-6 text-sm text-muted-foreground">
        Fax traffic charts (inbound and outbound pages over time) appear here once faxes flow through the gateway.
      </p>
    </>
  );
}
