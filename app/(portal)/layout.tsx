import { AppShell } from "@/components/shell/app-shell";
import { requireUser } from "@/server/auth/guards";

export default async function PortalLayout({ children }: { children: React.ReactNode }) {
  const user = await requireUser();
  return <AppShell user={user}>{children}</AppShell>;
}
