import { AppShell } from "@/components/shell/app-shell";
import { NoAccess } from "@/components/shell/no-access";
import { requireUser } from "@/server/auth/guards";

/** Administration: tenant admins and platform admins only; each page narrows further. */
export default async function AdminLayout({ children }: { children: React.ReactNode }) {
  const user = await requireUser();
  const allowed = user.role === "PLATFORM_ADMIN" || user.role === "TENANT_ADMIN";
  return <AppShell user={user}>{allowed ? children : <NoAccess />}</AppShell>;
}
