"use client";
/** /admin/branding: a tenant admin's own brand and retention; a platform admin any tenant's brand. */
import { useState } from "react";
import { trpc } from "@/components/providers/trpc";
import { TimeZoneCard } from "@/components/settings/time-zone-card";
import { PageHeader } from "@/components/shell/page-header";
import { TenantChooser } from "@/components/tenant/tenant-chooser";
import { Alert } from "@/components/ui/alert";
import { Card, CardContent } from "@/components/ui/card";
import { BrandingForm } from "./branding-form";
import { RetentionCard } from "./retention-card";

export function BrandingPageClient({ isPlatform }: { isPlatform: boolean }) {
  const [tenantId, setTenantId] = useState<string | null>(null);
  const target = isPlatform ? (tenantId ?? undefined) : undefined;
  const branding = trpc.branding.get.useQuery({ tenantId: target }, { enabled: !isPlatform || !!tenantId });
  return (
    <>
      <PageHeader
        title="Branding"
        description="The company name, web address, title, footer and logo people see on the portal."
      />
      {isPlatform ? <TenantChooser value={tenantId} onChange={setTenantId} /> : null}
      {isPlatform && !tenantId ? (
        <p className="text-sm text-muted-foreground">Choose a tenant to edit its branding.</p>
      ) : null}
      {branding.error ? (
        <Alert variant="error" className="mb-4">
          {branding.error.message}
        </Alert>
      ) : null}
      {branding.data ? (
        <Card>
          <CardContent className="pt-5">
            <BrandingForm
              key={branding.data.id}
              branding={branding.data}
              tenantId={target}
              ownTenant={!isPlatform}
              isPlatform={isPlatform}
            />
          </CardContent>
        </Card>
      ) : null}
      {isPlatform ? null : <RetentionCard />}
      {isPlatform ? null : <TimeZoneCard />}
    </>
  );
}
