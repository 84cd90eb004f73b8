import type { Metadata } from "next";
import { SecurityPolicyPageClient } from "@/components/security-policy/security-policy-page-client";
import { NoAccess } from "@/components/shell/no-access";
import { userWithRole } from "@/server/auth/guards";

export const metadata: Metadata = { title: "Security policy" };

export default async function SecurityPolicyPage() {
  const user = await userWithRole("TENANT_ADMIN", "PLATFORM_ADMIN");
  if (!user) return <NoAccess />;
  return <SecurityPolicyPageClient isPlatform={user.role === "PLATFORM_ADMIN"} />;
}
