import { AppShell } from "@/components/shell/app-shell";
import { TimeZoneProvider } from "@/components/ui/date-time";
import { currentHost, requireUser } from "@/server/auth/guards";

export default async function PortalLayout({ children }: { children: React.ReactNode }) {
  const [user, host] = await Promise.all([requireUser(), currentHost()]);
  return (
    <AppShell user={user}>
      <TimeZoneProvider timeZone={host.kind === "tenant" ? host.tenant.timeZone : "UTC"}>{children}</TimeZoneProvider>
    </AppShell>
  );
}
