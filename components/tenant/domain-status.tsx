"use client";
/**
 * Each of a tenant's domains with its state: Verified, or Pending with how to prove it (a tenant
 * admin checks again; a platform admin may approve). Only verified domains serve the portal.
 */
import { useState } from "react";
import { trpc } from "@/components/providers/trpc";
import { Alert } from "@/components/ui/alert";
import { Badge } from "@/components/ui/badge";
import { Button } from "@/components/ui/button";
import { DNS_TXT_PREFIX, DOMAIN_TOKEN_PATH, TXT_VALUE_PREFIX } from "@/lib/branding/domain-verification";

export interface DomainState {
  hostname: string;
  verified: boolean;
  /** The pending domain's token, when the viewer may see the instructions. */
  token?: string | null;
  /** Replaced by a pending domain: it serves until that one is verified. */
  retiring?: boolean;
}

/** What verifying answered: the domain, and the replaced ones that stopped serving. */
export interface DomainVerified {
  hostname: string;
  retired: string[];
}

export function DomainStatusBadge({ verified, retiring }: { verified: boolean; retiring?: boolean }) {
  if (retiring) return <Badge variant="warning">Being replaced</Badge>;
  return verified ? <Badge variant="success">Verified</Badge> : <Badge variant="warning">Pending</Badge>;
}

export function DomainStatus({
  tenantId,
  domains,
  canApprove,
  onChanged,
}: {
  tenantId?: string;
  domains: DomainState[];
  canApprove: boolean;
  onChanged: (done?: DomainVerified) => void | Promise<void>;
}) {
  const [notice, setNotice] = useState<string | null>(null);
  const [done, setDone] = useState<string[]>([]); // shown as verified before the list reloads
  const verify = trpc.branding.verifyDomain.useMutation();
  const approve = trpc.branding.approveDomain.useMutation();
  const failure = verify.error ?? approve.error;

  async function run(action: "verify" | "approve", hostname: string) {
    setNotice(null);
    verify.reset();
    approve.reset();
    try {
      const result =
        action === "approve" && tenantId
          ? await approve.mutateAsync({ tenantId, hostname })
          : await verify.mutateAsync({ tenantId, hostname });
      setDone((list) => [...list, hostname]);
      setNotice(`${hostname} is verified and now serves the portal.`);
      await onChanged({ hostname, retired: result?.retired ?? [] });
    } catch {
      // shown below from the mutation's error
    }
  }

  return (
    <section aria-label="Domain status" className="grid gap-2">
      {notice ? <Alert variant="success">{notice}</Alert> : null}
      {failure ? <Alert variant="error">{failure.message}</Alert> : null}
      <ul className="grid gap-2">
        {domains
          .map((domain) => ({ ...domain, verified: domain.verified || done.includes(domain.hostname) }))
          .map((d) => (
            <li key={d.hostname} className="rounded-md border p-2 text-sm">
              <div className="flex flex-wrap items-center gap-2">
                <span className="font-medium">{d.hostname}</span>
                <DomainStatusBadge verified={d.verified} retiring={d.retiring} />
                {d.verified ? null : (
                  <span className="ml-auto flex gap-2">
                    {d.token ? (
                      <Button
                        type="button"
                        size="sm"
                        variant="outline"
                        disabled={verify.isPending}
                        onClick={() => void run("verify", d.hostname)}
                      >
                        Check now
                      </Button>
                    ) : null}
                    {canApprove ? (
                      <Button
                        type="button"
                        size="sm"
                        variant="outline"
                        disabled={approve.isPending}
                        onClick={() => void run("approve", d.hostname)}
                      >
                        Approve
                      </Button>
                    ) : null}
                  </span>
                )}
              </div>
              {d.retiring ? (
                <p className="mt-1 text-xs text-muted-foreground">
                  Still serves the portal, and links in emails use it, until a new domain above is verified; then it
                  stops working.
                </p>
              ) : null}
              {!d.verified && d.token ? (
                <p className="mt-1 text-xs text-muted-foreground">
                  Not serving the portal yet. Prove it is yours: point its DNS at this server (we then find the token at{" "}
                  <code>http://{d.hostname + DOMAIN_TOKEN_PATH}</code>), or add a DNS TXT record{" "}
                  <code>{DNS_TXT_PREFIX + d.hostname}</code> with the value{" "}
                  <code className="break-all">{TXT_VALUE_PREFIX + d.token}</code>. Then choose “Check now”.
                </p>
              ) : null}
            </li>
          ))}
      </ul>
    </section>
  );
}
