import type { Metadata } from "next";
import { CountryCard } from "@/components/settings/country-card";
import { NoAccess } from "@/components/shell/no-access";
import { PageHeader } from "@/components/shell/page-header";
import { userWithRole } from "@/server/auth/guards";

export const metadata: Metadata = { title: "Country" };

/** An organisation admin's country for fax numbers typed without +country. */
export default async function CountryPage() {
  if (!(await userWithRole("TENANT_ADMIN"))) return <NoAccess />;
  return (
    <>
      <PageHeader title="Country" description="How fax numbers typed without +country are read." />
      <CountryCard />
    </>
  );
}
