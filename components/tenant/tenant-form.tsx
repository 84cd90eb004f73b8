"use client";
import { useState } from "react";
import { DomainChangeDialog } from "@/components/branding/domain-change-dialog";
import { trpc } from "@/components/providers/trpc";
import { CountrySelect } from "@/components/settings/country-select";
import { TimeZoneSelect } from "@/components/settings/time-zone-select";
import { Button } from "@/components/ui/button";
import { FormActions } from "@/components/ui/dialog";
import { Form, FormAlert } from "@/components/ui/form";
import { useFieldErrors } from "@/components/ui/form-errors";
import { Input } from "@/components/ui/input";
import { Field } from "@/components/ui/label";
import { type DomainChange, domainChange } from "@/lib/branding/domain-change";
import { BRAND_NAME_MAX } from "@/lib/schemas/branding";
import { EMAIL_MAX } from "@/lib/schemas/common";
import {
  DAILY_FAX_LIMIT_MAX,
  MONTHLY_FAX_LIMIT_MAX,
  RETENTION_DAYS_MAX,
  RETENTION_DAYS_MIN,
  type TenantUpdateInput,
  tenantCreateSchema,
  tenantUpdateSchema,
} from "@/lib/schemas/tenant";
import { USERNAME_MAX } from "@/lib/schemas/user";
import { DomainStatus } from "./domain-status";
import { useDomainCheck } from "./use-domain-check";

export interface TenantRow {
  id: string;
  name: string;
  active: boolean;
  dailyFaxLimit: number;
  monthlyFaxLimit: number;
  retentionMinDays: number;
  retentionMaxDays: number;
  retentionDays: number | null;
  timeZone: string;
  defaultCountry: string;
  allowCostlyNumbers: boolean;
  domains: { hostname: string; verifiedAt: Date | string | null; retiring?: boolean }[];
}

const ADMIN_FIELDS = { username: "admin.username", email: "admin.email" };

const num = (v: string) => (v.trim() === "" ? Number.NaN : Number(v));

export function TenantForm({ tenant, onDone }: { tenant: TenantRow | null; onDone: (message: string) => void }) {
  const savedDomains =
    tenant?.domains
      .filter((d) => !d.retiring)
      .map((d) => d.hostname)
      .join(", ") ?? "";
  const [v, setV] = useState({
    name: tenant?.name ?? "",
    domains: savedDomains,
    dailyFaxLimit: String(tenant?.dailyFaxLimit ?? 500),
    monthlyFaxLimit: String(tenant?.monthlyFaxLimit ?? 10000),
    retentionMinDays: String(tenant?.retentionMinDays ?? 1),
    retentionMaxDays: String(tenant?.retentionMaxDays ?? 8),
    retentionDays: tenant?.retentionDays != null ? String(tenant.retentionDays) : "",
    active: tenant?.active ?? true,
    timeZone: tenant?.timeZone ?? "UTC",
    defaultCountry: tenant?.defaultCountry ?? "US",
    allowCostlyNumbers: tenant?.allowCostlyNumbers ?? false,
    adminUsername: "",
    adminEmail: "",
  });
  const utils = trpc.useUtils();
  const set = (k: keyof typeof v) => (e: React.ChangeEvent<HTMLInputElement>) =>
    setV({ ...v, [k]: e.target.type === "checkbox" ? e.target.checked : e.target.value });
  const create = trpc.tenant.create.useMutation({
    onSuccess: (made) =>
      onDone(
        made.welcomeSentTo
          ? `Organisation ${v.name} created. A welcome link to choose a password is on its way to ${made.welcomeSentTo}.`
          : `Organisation ${v.name} created.`,
      ),
  });
  const update = trpc.tenant.update.useMutation({ onSuccess: () => onDone(`Organisation ${v.name} saved.`) });
  const mutation = tenant ? update : create;
  // The first admin is created by the user service, which names its own fields ("email").
  const errors = useFieldErrors(mutation.error, { aliases: tenant ? {} : ADMIN_FIELDS });
  const { check } = errors;
  const domainProblem = useDomainCheck(v.domains, { tenantId: tenant?.id, initial: savedDomains });
  const [asking, setAsking] = useState<{ change: DomainChange; input: TenantUpdateInput } | null>(null);

  async function submit(e: React.FormEvent) {
    e.preventDefault();
    const common = {
      name: v.name,
      domains: v.domains.split(/[\s,;]+/).filter(Boolean),
      dailyFaxLimit: num(v.dailyFaxLimit),
      monthlyFaxLimit: num(v.monthlyFaxLimit),
      retentionMinDays: num(v.retentionMinDays),
      retentionMaxDays: num(v.retentionMaxDays),
      retentionDays: v.retentionDays.trim() ? num(v.retentionDays) : null,
      timeZone: v.timeZone,
      defaultCountry: v.defaultCountry,
      allowCostlyNumbers: v.allowCostlyNumbers,
    };
    if (tenant) {
      const valid = check(tenantUpdateSchema, { ...common, id: tenant.id, active: v.active });
      if (!valid) return;
      const saved = tenant.domains.map((d) => ({
        hostname: d.hostname,
        verified: !!d.verifiedAt,
        retiring: d.retiring,
      }));
      const change = domainChange({ saved, next: valid.domains, byPlatformAdmin: true });
      if (change) setAsking({ change, input: valid });
      else update.mutate(valid);
    } else {
      const admin = { username: v.adminUsername, email: v.adminEmail };
      const valid = check(tenantCreateSchema, { ...common, admin });
      if (valid) create.mutate(valid);
    }
  }

  return (
    <Form errors={errors} onSubmit={submit} className="grid gap-4">
      <FormAlert />
      <Field label="Organisation name" htmlFor="t-name" name="name">
        <Input id="t-name" value={v.name} onChange={set("name")} maxLength={BRAND_NAME_MAX} />
      </Field>
      <Field
        label="Domains"
        htmlFor="t-domains"
        name="domains"
        error={domainProblem}
        hint="The organisation's portal address, e.g. fax.acme.com or acme.localhost. Separate several with commas; the first is primary."
      >
        <Input id="t-domains" value={v.domains} onChange={set("domains")} />
      </Field>
      {tenant?.domains.some((d) => !d.verifiedAt) ? (
        <DomainStatus
          tenantId={tenant.id}
          domains={tenant.domains.map((d) => ({
            hostname: d.hostname,
            verified: !!d.verifiedAt,
            retiring: d.retiring,
          }))}
          canApprove
          onChanged={() => utils.tenant.list.invalidate()}
        />
      ) : null}
      <div className="grid grid-cols-2 gap-4">
        <Field label="Daily fax limit" htmlFor="t-daily" name="dailyFaxLimit">
          <Input
            id="t-daily"
            type="number"
            min={0}
            max={DAILY_FAX_LIMIT_MAX}
            value={v.dailyFaxLimit}
            onChange={set("dailyFaxLimit")}
          />
        </Field>
        <Field label="Monthly fax limit" htmlFor="t-monthly" name="monthlyFaxLimit">
          <Input
            id="t-monthly"
            type="number"
            min={0}
            max={MONTHLY_FAX_LIMIT_MAX}
            value={v.monthlyFaxLimit}
            onChange={set("monthlyFaxLimit")}
          />
        </Field>
        <Field label="Minimum retention (days)" htmlFor="t-rmin" name="retentionMinDays">
          <Input
            id="t-rmin"
            type="number"
            min={RETENTION_DAYS_MIN}
            max={RETENTION_DAYS_MAX}
            value={v.retentionMinDays}
            onChange={set("retentionMinDays")}
          />
        </Field>
        <Field label="Maximum retention (days)" htmlFor="t-rmax" name="retentionMaxDays">
          <Input
            id="t-rmax"
            type="number"
            min={RETENTION_DAYS_MIN}
            max={RETENTION_DAYS_MAX}
            value={v.retentionMaxDays}
            onChange={set("retentionMaxDays")}
          />
        </Field>
      </div>
      <Field
        label="Organisation's retention (days)"
        htmlFor="t-rdays"
        name="retentionDays"
        hint="Between the minimum and the maximum above; leave empty to use the maximum. The organisation admin may change it within the bounds."
      >
        <Input
          id="t-rdays"
          type="number"
          min={RETENTION_DAYS_MIN}
          max={RETENTION_DAYS_MAX}
          value={v.retentionDays}
          onChange={set("retentionDays")}
        />
      </Field>
      <Field
        label="Country for fax numbers"
        htmlFor="t-country"
        name="defaultCountry"
        hint="Numbers typed without +country are dialled in this country. Its admin may change it."
      >
        <CountrySelect
          id="t-country"
          value={v.defaultCountry}
          onChange={(defaultCountry) => setV({ ...v, defaultCountry })}
        />
      </Field>
      <Field
        label="Time zone"
        htmlFor="t-zone"
        name="timeZone"
        hint="Dates on the organisation's portal are shown in this zone. Its admin may change it."
      >
        <TimeZoneSelect
          id="t-zone"
          value={v.timeZone}
          country={v.defaultCountry}
          onChange={(timeZone) => setV({ ...v, timeZone })}
        />
      </Field>
      <div className="grid gap-1">
        <label className="flex items-center gap-2 text-sm">
          <input
            type="checkbox"
            checked={v.allowCostlyNumbers}
            onChange={set("allowCostlyNumbers")}
            aria-describedby="t-costly-hint"
          />{" "}
          Allow faxing premium-rate and other costly numbers
        </label>
        <p id="t-costly-hint" className="text-xs text-muted-foreground">
          Premium-rate (such as 1-900 or +44 9), shared-cost, personal, satellite (+870, +881) and international network
          (+882, +883) numbers are refused unless allowed here. Only platform admins can change this.
        </p>
      </div>
      {tenant ? (
        <label className="flex items-center gap-2 text-sm">
          <input type="checkbox" checked={v.active} onChange={set("active")} /> Active (unticked: suspended, nobody can
          sign in)
        </label>
      ) : (
        <fieldset className="grid gap-3 rounded-md border p-3">
          <legend className="px-1 text-sm font-medium">First organisation admin</legend>
          <Field label="Admin username" htmlFor="t-admin-user" name="admin.username">
            <Input
              id="t-admin-user"
              value={v.adminUsername}
              onChange={set("adminUsername")}
              autoComplete="off"
              maxLength={USERNAME_MAX}
            />
          </Field>
          <Field label="Admin email" htmlFor="t-admin-email" name="admin.email">
            <Input
              id="t-admin-email"
              type="email"
              value={v.adminEmail}
              onChange={set("adminEmail")}
              maxLength={EMAIL_MAX}
            />
          </Field>
          <p className="text-xs text-muted-foreground">
            We email them a single-use link to choose their own password. Their browser then makes the organisation's
            key and shows its recovery code: nobody else, you included, ever holds either.
          </p>
        </fieldset>
      )}
      <FormActions>
        <Button type="submit" disabled={mutation.isPending}>
          {tenant ? "Save" : "Create organisation"}
        </Button>
      </FormActions>
      <DomainChangeDialog
        change={asking?.change ?? null}
        onCancel={() => setAsking(null)}
        pending={update.isPending}
        onConfirm={() => {
          const input = asking?.input;
          setAsking(null);
          if (input) update.mutate(input);
        }}
      />
    </Form>
  );
}
