import type { Metadata } from "next";
import { RetentionCard } from "@/components/branding/retention-card";
import { NoAccess } from "@/components/shell/no-access";
import { PageHeader } from "@/components/shell/page-header";
import { userWithRole } from "@/server/auth/guards";

export const metadata: Metadata = { title: "Retention" };

/** An organisation admin's retention, inside the bounds their provider set (platform admins set those bounds per organisation). */
export default async function RetentionPage() {
  if (!(await userWithRole("TENANT_ADMIN"))) return <NoAccess />;
  return (
    <>
      <PageHeader title="Retention" description="How long sent and received faxes and their documents are kept." />
      <RetentionCard />
    </>
  );
}
