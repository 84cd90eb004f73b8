import { AppShell } from "@/components/shell/app-shell";
import { NoAccess } from "@/components/shell/no-access";
import { TimeZoneProvider } from "@/components/ui/date-time";
import { currentHost, requireUser } from "@/server/auth/guards";

/**
 * Administration: tenant admins and platform admins only; each page narrows further. Dates show in
 * the organisation's zone on its portal; on the platform host in UTC unless a row names its own.
 */
export default async function AdminLayout({ children }: { children: React.ReactNode }) {
  const [user, host] = await Promise.all([requireUser(), currentHost()]);
  const allowed = user.role === "PLATFORM_ADMIN" || user.role === "TENANT_ADMIN";
  return (
    <AppShell user={user}>
      <TimeZoneProvider timeZone={host.kind === "tenant" ? host.tenant.timeZone : "UTC"}>
        {allowed ? children : <NoAccess />}
      </TimeZoneProvider>
    </AppShell>
  );
}
