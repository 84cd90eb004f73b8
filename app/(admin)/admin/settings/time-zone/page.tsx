import type { Metadata } from "next";
import { TimeZoneCard } from "@/components/settings/time-zone-card";
import { NoAccess } from "@/components/shell/no-access";
import { PageHeader } from "@/components/shell/page-header";
import { userWithRole } from "@/server/auth/guards";

export const metadata: Metadata = { title: "Time zone" };

/** An organisation admin's time zone (platform admins set it in the organisation form). */
export default async function TimeZonePage() {
  if (!(await userWithRole("TENANT_ADMIN"))) return <NoAccess />;
  return (
    <>
      <PageHeader title="Time zone" description="The zone every date on your portal is shown in." />
      <TimeZoneCard />
    </>
  );
}
