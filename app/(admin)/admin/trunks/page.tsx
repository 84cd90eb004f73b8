import type { Metadata } from "next";
import { NoAccess } from "@/components/shell/no-access";
import { TrunksPageClient } from "@/components/trunk/trunks-page-client";
import { userWithRole } from "@/server/auth/guards";

export const metadata: Metadata = { title: "SIP trunks" };

export default async function TrunksPage() {
  if (!(await userWithRole("PLATFORM_ADMIN"))) return <NoAccess />;
  return <TrunksPageClient />;
}
