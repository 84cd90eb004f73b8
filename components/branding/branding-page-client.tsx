"use client";
/** Settings → Branding: an organisation admin's own brand; a platform admin any organisation's. */
import { useEffect, useRef, useState } from "react";
import { trpc } from "@/components/providers/trpc";
import { CoverNoticeCard } from "@/components/settings/cover-notice-card";
import { PageHeader } from "@/components/shell/page-header";
import { TenantChooser } from "@/components/tenant/tenant-chooser";
import { Alert } from "@/components/ui/alert";
import { Card, CardContent } from "@/components/ui/card";
import { BrandingForm } from "./branding-form";
import { DomainMoved } from "./domain-moved";

const MOVE_POLL_MS = 5_000;

export function BrandingPageClient({ isPlatform }: { isPlatform: boolean }) {
  const [tenantId, setTenantId] = useState<string | null>(null);
  const target = isPlatform ? (tenantId ?? undefined) : undefined;
  const [movedTo, setMovedTo] = useState<string | null>(null);
  // The domain this page's address is waiting to be replaced by (tenant admins on their own portal).
  const waitingFor = useRef<string | null>(null);
  const branding = trpc.branding.get.useQuery(
    { tenantId: target },
    {
      enabled: (!isPlatform || !!tenantId) && !movedTo,
      // While a domain change waits for proof, look again now and then: the new address may be
      // verified elsewhere (a platform admin's approval), and then this one stops serving.
      refetchInterval: (q) => (q.state.data?.domains.some((d) => d.retiring) ? MOVE_POLL_MS : false),
      retry: (count) => !waitingFor.current && count < 3,
    },
  );
  useEffect(() => {
    if (isPlatform || movedTo) return;
    const here = window.location.hostname;
    const domains = branding.data?.domains;
    if (domains) {
      if (domains.some((d) => d.retiring && d.hostname === here)) {
        waitingFor.current = domains.find((d) => !d.retiring && !d.verified)?.hostname ?? null;
      } else if (waitingFor.current && !domains.some((d) => d.hostname === here)) {
        setMovedTo(domains.find((d) => d.isPrimary)?.hostname ?? waitingFor.current);
      }
    }
    // Once the old address stops serving, even asking fails here: the change is done.
    if (branding.error && waitingFor.current) setMovedTo(waitingFor.current);
  }, [branding.data, branding.error, isPlatform, movedTo]);
  return (
    <>
      <PageHeader
        title="Branding"
        description="The organisation's name, web address, title, footer and logo people see on the portal."
      />
      {isPlatform ? <TenantChooser value={tenantId} onChange={setTenantId} /> : null}
      {isPlatform && !tenantId ? (
        <p className="text-sm text-muted-foreground">Choose an organisation to edit its branding.</p>
      ) : null}
      {movedTo ? <DomainMoved hostname={movedTo} /> : null}
      {branding.error && !movedTo ? (
        <Alert variant="error" className="mb-4">
          {branding.error.message}
        </Alert>
      ) : null}
      {branding.data && !movedTo ? (
        <Card>
          <CardContent>
            <BrandingForm
              key={branding.data.id}
              branding={branding.data}
              tenantId={target}
              ownTenant={!isPlatform}
              isPlatform={isPlatform}
              onMoved={setMovedTo}
            />
          </CardContent>
        </Card>
      ) : null}
      {/* The organisation's own wording on its cover pages: its admins', not the platform's. */}
      {!isPlatform && branding.data && !movedTo ? (
        <div className="mt-6">
          <CoverNoticeCard />
        </div>
      ) : null}
    </>
  );
}
