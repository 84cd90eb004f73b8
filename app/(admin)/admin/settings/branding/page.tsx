import type { Metadata } from "next";
import { BrandingPageClient } from "@/components/branding/branding-page-client";
import { NoAccess } from "@/components/shell/no-access";
import { userWithRole } from "@/server/auth/guards";

export const metadata: Metadata = { title: "Branding" };

export default async function BrandingPage() {
  const user = await userWithRole("TENANT_ADMIN", "PLATFORM_ADMIN");
  if (!user) return <NoAccess />;
  return <BrandingPageClient isPlatform={user.role === "PLATFORM_ADMIN"} />;
}
