import type { Metadata } from "next";
import { AuditPageClient } from "@/components/audit/audit-page-client";
import { NoAccess } from "@/components/shell/no-access";
import { userWithRole } from "@/server/auth/guards";

export const metadata: Metadata = { title: "Audit log" };

export default async function AuditPage() {
  const user = await userWithRole("TENANT_ADMIN", "PLATFORM_ADMIN");
  if (!user) return <NoAccess />;
  return <AuditPageClient isPlatform={user.role === "PLATFORM_ADMIN"} />;
}
