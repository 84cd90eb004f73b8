import type { Metadata } from "next";
import { CoverNoticeCard } from "@/components/settings/cover-notice-card";
import { NoAccess } from "@/components/shell/no-access";
import { PageHeader } from "@/components/shell/page-header";
import { userWithRole } from "@/server/auth/guards";

export const metadata: Metadata = { title: "Cover page" };

/** An organisation admin's confidentiality notice for the cover pages its people add to faxes. */
export default async function CoverPageSettingsPage() {
  if (!(await userWithRole("TENANT_ADMIN"))) return <NoAccess />;
  return (
    <>
      <PageHeader title="Cover page" description="The confidentiality notice on every cover page your people send." />
      <CoverNoticeCard />
    </>
  );
}
