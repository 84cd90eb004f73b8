import type { Metadata } from "next";
import { JobsPageClient } from "@/components/job/jobs-page-client";
import { NoAccess } from "@/components/shell/no-access";
import { PageHeader } from "@/components/shell/page-header";
import { Alert } from "@/components/ui/alert";
import { userWithRole } from "@/server/auth/guards";
import { inngestServerConfigured } from "@/server/job/event-route";

export const metadata: Metadata = { title: "Jobs" };

export default async function JobsPage() {
  if (!(await userWithRole("PLATFORM_ADMIN"))) return <NoAccess />;
  if (inngestServerConfigured()) {
    return (
      <>
        <PageHeader title="Jobs" />
        <Alert>
          Jobs run on the Inngest server this portal is connected to: see their runs, steps and errors in the Inngest
          dashboard. This page lists runs of the built-in runner only.
        </Alert>
      </>
    );
  }
  return <JobsPageClient />;
}
