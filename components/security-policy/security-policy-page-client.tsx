"use client";
/** Settings → Security policy: an organisation admin's own policy; a platform admin any organisation's. */
import { useState } from "react";
import { trpc } from "@/components/providers/trpc";
import { PageHeader } from "@/components/shell/page-header";
import { TenantChooser } from "@/components/tenant/tenant-chooser";
import { Alert } from "@/components/ui/alert";
import { Card, CardContent } from "@/components/ui/card";
import { ForcePasswordChangeCard } from "./force-password-change-card";
import { SecurityPolicyForm } from "./security-policy-form";

export function SecurityPolicyPageClient({ isPlatform }: { isPlatform: boolean }) {
  const [tenantId, setTenantId] = useState<string | null>(null);
  const target = isPlatform ? (tenantId ?? undefined) : undefined;
  const policy = trpc.securityPolicy.get.useQuery({ tenantId: target }, { enabled: !isPlatform || !!tenantId });
  return (
    <>
      <PageHeader
        title="Security policy"
        description="Password rules, lockout after failed sign-ins, and session timeout."
      />
      {isPlatform ? <TenantChooser value={tenantId} onChange={setTenantId} /> : null}
      {isPlatform && !tenantId ? (
        <p className="text-sm text-muted-foreground">Choose an organisation to edit its security policy.</p>
      ) : null}
      {policy.error ? (
        <Alert variant="error" className="mb-4">
          {policy.error.message}
        </Alert>
      ) : null}
      {policy.data ? (
        <Card>
          <CardContent>
            <SecurityPolicyForm key={policy.data.tenantId} policy={policy.data} tenantId={target} />
          </CardContent>
        </Card>
      ) : null}
      {policy.data ? <ForcePasswordChangeCard tenantId={target} /> : null}
    </>
  );
}
