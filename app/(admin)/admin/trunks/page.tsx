import type { Metadata } from "next";
import { NoAccess } from "@/components/shell/no-access";
import { TrunksPageClient } from "@/components/trunk/trunks-page-client";
import { searchParam } from "@/lib/search-param";
import { userWithRole } from "@/server/auth/guards";

export const metadata: Metadata = { title: "SIP trunks" };

export default async function TrunksPage({
  searchParams,
}: {
  searchParams: Promise<Record<string, string | string[] | undefined>>;
}) {
  if (!(await userWithRole("PLATFORM_ADMIN"))) return <NoAccess />;
  return <TrunksPageClient initialSearch={searchParam(await searchParams, "search")} />;
}
