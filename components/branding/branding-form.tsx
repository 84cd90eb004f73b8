"use client";
/** Company name, domain names, title, footer and logo of one tenant, with a live preview. */
import { useRouter } from "next/navigation";
import { useState } from "react";
import { trpc } from "@/components/providers/trpc";
import { type DomainState, DomainStatus, type DomainVerified } from "@/components/tenant/domain-status";
import { useDomainCheck } from "@/components/tenant/use-domain-check";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { ConfirmDialog } from "@/components/ui/confirm-dialog";
import { serverFieldErrors, useFieldErrors } from "@/components/ui/form-errors";
import { Input } from "@/components/ui/input";
import { Field } from "@/components/ui/label";
import { type DomainChange, domainChange } from "@/lib/branding/domain-change";
import {
  BRAND_NAME_MAX,
  type BrandingUpdateInput,
  brandingUpdateSchema,
  DOMAIN_TITLE_MAX,
  FOOTER_TEXT_MAX,
} from "@/lib/schemas/branding";
import { BrandPreview } from "./brand-preview";
import { DomainChangeDialog } from "./domain-change-dialog";
import { LogoInput, type PendingLogo } from "./logo-input";

export interface BrandingData {
  id: string;
  name: string;
  domainTitle: string | null;
  footerText: string | null;
  logoDataUrl: string | null;
  domains: DomainState[];
}

export function BrandingForm({
  branding,
  tenantId,
  ownTenant,
  isPlatform = false,
  onMoved,
}: {
  branding: BrandingData;
  tenantId?: string;
  ownTenant: boolean;
  isPlatform?: boolean;
  /** The portal's address this page is on stopped serving: a new domain replaced it. */
  onMoved?: (hostname: string) => void;
}) {
  const router = useRouter();
  const utils = trpc.useUtils();
  // A domain being replaced is not in the list the admin edits; it goes once a new one is verified.
  const savedDomains = branding.domains
    .filter((d) => !d.retiring)
    .map((d) => d.hostname)
    .join(", ");
  const [v, setV] = useState({
    name: branding.name,
    domains: savedDomains,
    domainTitle: branding.domainTitle ?? "",
    footerText: branding.footerText ?? "",
  });
  const { errors, check } = useFieldErrors();
  const domainProblem = useDomainCheck(v.domains, { tenantId, initial: savedDomains });
  const [logo, setLogo] = useState<PendingLogo | null>(null);
  const [logoError, setLogoError] = useState<string | null>(null);
  const [saveBlocked, setSaveBlocked] = useState(false); // Save was pressed while the logo error stood
  const [logoInputKey, setLogoInputKey] = useState(0); // remounts the file input to clear its file name
  const discardLogo = () => {
    setLogo(null);
    setLogoInputKey((k) => k + 1);
  };
  const [notice, setNotice] = useState<string | null>(null);
  const [asking, setAsking] = useState<{ change: DomainChange; input: BrandingUpdateInput } | null>(null);
  const [confirmRemove, setConfirmRemove] = useState(false);
  const update = trpc.branding.update.useMutation();
  const upload = trpc.branding.uploadLogo.useMutation();
  const remove = trpc.branding.removeLogo.useMutation();
  const set = (k: keyof typeof v) => (e: React.ChangeEvent<HTMLInputElement>) => setV({ ...v, [k]: e.target.value });

  async function saved(message: string) {
    setNotice(message);
    await utils.branding.get.invalidate();
    router.refresh(); // the header and footer around this page are server-rendered
  }

  async function submit(e: React.FormEvent) {
    e.preventDefault();
    setNotice(null);
    const valid = check(brandingUpdateSchema, { ...v, tenantId, domains: v.domains.split(/[\s,;]+/).filter(Boolean) });
    if (!valid) return;
    // A refused logo stands: saving the rest and saying "saved" would hide that the logo was not.
    if (logoError) {
      setSaveBlocked(true);
      document.getElementById("b-logo")?.focus();
      return;
    }
    const change = domainChange({ saved: branding.domains, next: valid.domains, byPlatformAdmin: isPlatform });
    if (change) setAsking({ change, input: valid });
    else await save(valid);
  }

  async function save(valid: BrandingUpdateInput, change?: DomainChange) {
    try {
      // The logo first: it is the part most likely to be refused, and a refusal changes nothing.
      if (logo) await upload.mutateAsync({ tenantId, mimeType: logo.mimeType, data: logo.data });
      await update.mutateAsync(valid);
      discardLogo();
      await saved(
        change?.waitsForProof
          ? `Branding saved. The new address serves the portal once verified (see below); ${change.dropped.join(", ")} keeps working until then.`
          : "Branding saved.",
      );
    } catch {
      // shown below from the mutation's error
    }
  }

  async function removeLogo() {
    try {
      await remove.mutateAsync({ tenantId });
      setConfirmRemove(false);
      await saved("Logo removed.");
    } catch {
      // shown below
    }
  }

  const server = serverFieldErrors(update.error);
  const err = (k: string) =>
    errors[k] ?? server[k] ?? Object.entries({ ...server, ...errors }).find(([key]) => key.startsWith(`${k}.`))?.[1];
  const logoUrl = logo?.dataUrl ?? branding.logoDataUrl;
  const failure = update.error ?? remove.error;
  return (
    <form method="post" onSubmit={(e) => void submit(e)} className="grid gap-6 lg:grid-cols-[1fr_22rem]" noValidate>
      <div className="grid content-start gap-4">
        {notice ? <Alert variant="success">{notice}</Alert> : null}
        {failure ? <Alert variant="error">{failure.message}</Alert> : null}
        <Field label="Organisation name" htmlFor="b-name" error={err("name")}>
          <Input
            id="b-name"
            value={v.name}
            onChange={set("name")}
            aria-invalid={!!err("name")}
            maxLength={BRAND_NAME_MAX}
          />
        </Field>
        <Field
          label="Domain name"
          htmlFor="b-domains"
          error={err("domains") ?? domainProblem}
          hint={`The portal's address, e.g. fax.acme.com. Separate several with commas; the first verified one is primary.${
            ownTenant ? " A new domain serves the portal once verified; until then the current one keeps working." : ""
          }`}
        >
          <Input
            id="b-domains"
            value={v.domains}
            onChange={set("domains")}
            aria-invalid={!!(err("domains") ?? domainProblem)}
          />
        </Field>
        <DomainStatus
          tenantId={tenantId}
          domains={branding.domains}
          canApprove={isPlatform}
          onChanged={(done?: DomainVerified) => {
            // Verifying the new address retired the one this page is on: go there instead.
            if (done && ownTenant && done.retired.includes(window.location.hostname)) onMoved?.(done.hostname);
            else return saved("Domain verified.");
          }}
        />
        <Field
          label="Domain title"
          htmlFor="b-title"
          error={err("domainTitle")}
          hint="The browser tab title. Empty: the organisation name + “Fax”."
        >
          <Input id="b-title" value={v.domainTitle} onChange={set("domainTitle")} maxLength={DOMAIN_TITLE_MAX} />
        </Field>
        <Field
          label="Footer text"
          htmlFor="b-footer"
          error={err("footerText")}
          hint="Shown at the bottom of every page. Empty: © organisation name."
        >
          <Input id="b-footer" value={v.footerText} onChange={set("footerText")} maxLength={FOOTER_TEXT_MAX} />
        </Field>
        <LogoInput
          key={logoInputKey}
          error={
            logoError
              ? `${logoError.replace(/\.?$/, ".")}${saveBlocked ? " Nothing was saved: choose another file, or “Discard new logo”." : ""}`
              : (upload.error?.message ?? null)
          }
          advice={logo?.advice ?? null}
          onPick={(picked) => {
            setLogo(picked);
            setLogoError(null);
            setSaveBlocked(false);
            upload.reset();
          }}
          onError={(message) => {
            setLogo(null);
            setLogoError(message);
          }}
        />
        <div className="flex flex-wrap justify-end gap-2">
          {logo || logoError ? (
            <Button
              type="button"
              variant="outline"
              onClick={() => {
                discardLogo();
                setLogoError(null);
                setSaveBlocked(false);
              }}
            >
              Discard new logo
            </Button>
          ) : null}
          {!logo && branding.logoDataUrl ? (
            <Button type="button" variant="outline" disabled={remove.isPending} onClick={() => setConfirmRemove(true)}>
              Remove logo
            </Button>
          ) : null}
          <Button type="submit" disabled={update.isPending || upload.isPending}>
            Save branding
          </Button>
        </div>
      </div>
      <div className="grid content-start gap-2">
        <p className="text-sm font-medium">Preview</p>
        <BrandPreview name={v.name} title={v.domainTitle} footer={v.footerText} logoUrl={logoUrl} />
        {logo ? <p className="text-xs text-muted-foreground">New logo: saved with “Save branding”.</p> : null}
      </div>
      <DomainChangeDialog
        change={asking?.change ?? null}
        onCancel={() => setAsking(null)}
        pending={update.isPending || upload.isPending}
        onConfirm={() => {
          const pending = asking;
          setAsking(null);
          if (pending) void save(pending.input, pending.change);
        }}
      />
      <ConfirmDialog
        open={confirmRemove}
        onOpenChange={setConfirmRemove}
        title="Remove the logo?"
        confirmLabel="Remove logo"
        destructive
        pending={remove.isPending}
        error={remove.error?.message ?? null}
        onConfirm={() => void removeLogo()}
      >
        <p>The portal shows the organisation's initials instead until you upload a new logo.</p>
      </ConfirmDialog>
    </form>
  );
}
