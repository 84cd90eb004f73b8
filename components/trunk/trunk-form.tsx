"use client";
import { useState } from "react";
import { trpc } from "@/components/providers/trpc";
import { type TrunkSaved, withGatewaySync } from "@/components/trunk/gateway-sync-notice";
import { Button } from "@/components/ui/button";
import { FormActions } from "@/components/ui/dialog";
import { Form, FormAlert } from "@/components/ui/form";
import { useFieldErrors } from "@/components/ui/form-errors";
import { Input, NativeSelect } from "@/components/ui/input";
import { Field } from "@/components/ui/label";
import { HOSTNAME_MAX } from "@/lib/schemas/common";
import {
  SIP_PASSWORD_MAX,
  SIP_PASSWORD_REQUIRED,
  SIP_USERNAME_MAX,
  TRUNK_DRIVER_LABELS,
  TRUNK_DRIVERS,
  TRUNK_NAME_MAX,
  TRUNK_NUMBER_BOUNDS,
  type TrunkDriverName,
  trunkCreateSchema,
  trunkUpdateSchema,
} from "@/lib/schemas/trunk";

/** A trunk as the browser sees it: no password, only whether one is stored. */
export interface TrunkRow {
  id: string;
  name: string;
  active: boolean;
  driver: TrunkDriverName;
  ipAuth: boolean;
  sipUsername: string;
  hasPassword: boolean;
  host: string;
  port: number;
  maxChannels: number;
  maxCallsPerMinute: number;
}

const num = (v: string) => (v.trim() === "" ? Number.NaN : Number(v));

export function TrunkForm({ trunk, onDone }: { trunk: TrunkRow | null; onDone: (saved: TrunkSaved) => void }) {
  const [v, setV] = useState({
    name: trunk?.name ?? "",
    active: trunk?.active ?? true,
    driver: trunk?.driver ?? ("LOOPBACK" as TrunkDriverName),
    ipAuth: trunk?.ipAuth ?? false,
    sipUsername: trunk?.sipUsername ?? "",
    sipPassword: "", // never sent to the browser; empty on edit keeps the stored one
    host: trunk?.host ?? "",
    port: String(trunk?.port ?? 5060),
    maxChannels: String(trunk?.maxChannels ?? 4),
    maxCallsPerMinute: String(trunk?.maxCallsPerMinute ?? 30),
  });
  const set = (k: keyof typeof v) => (e: React.ChangeEvent<HTMLInputElement | HTMLSelectElement>) =>
    setV({
      ...v,
      [k]: e.target instanceof HTMLInputElement && e.target.type === "checkbox" ? e.target.checked : e.target.value,
    });
  const create = trpc.trunk.create.useMutation({
    onSuccess: ({ gatewaySync }) => onDone(withGatewaySync(`Trunk ${v.name} created.`, gatewaySync)),
  });
  const update = trpc.trunk.update.useMutation({
    onSuccess: ({ gatewaySync }) => onDone(withGatewaySync(`Trunk ${v.name} saved.`, gatewaySync)),
  });
  // Which drivers this installation has settings for; the others say what to set.
  const drivers = trpc.trunk.drivers.useQuery();
  const status = (d: TrunkDriverName) => drivers.data?.find((s) => s.driver === d);
  const chosen = status(v.driver);
  const mutation = trunk ? update : create;
  const errors = useFieldErrors(mutation.error);
  const { setErrors, check } = errors;

  function submit(e: React.FormEvent) {
    e.preventDefault();
    const values = {
      name: v.name,
      active: v.active,
      gatewayType: "SIP" as const,
      driver: v.driver,
      ipAuth: v.ipAuth,
      // IP-authenticated trunks carry no credentials; sending none clears any stored ones.
      sipUsername: v.ipAuth ? "" : v.sipUsername,
      sipPassword: v.ipAuth ? "" : v.sipPassword,
      host: v.host,
      port: num(v.port),
      maxChannels: num(v.maxChannels),
      maxCallsPerMinute: num(v.maxCallsPerMinute),
    };
    if (trunk) {
      if (!values.ipAuth && !values.sipPassword && !trunk.hasPassword) {
        return setErrors({ sipPassword: SIP_PASSWORD_REQUIRED });
      }
      const valid = check(trunkUpdateSchema, { ...values, id: trunk.id });
      if (!valid) return;
      update.mutate(valid);
    } else {
      const valid = check(trunkCreateSchema, values);
      if (!valid) return;
      create.mutate(valid);
    }
  }

  return (
    <Form errors={errors} onSubmit={submit} className="grid gap-4">
      <FormAlert />
      <Field label="Name" htmlFor="trunk-name" name="name">
        <Input id="trunk-name" value={v.name} onChange={set("name")} maxLength={TRUNK_NAME_MAX} />
      </Field>
      <div className="flex items-center gap-2 text-sm">
        <input id="trunk-active" type="checkbox" checked={v.active} onChange={set("active")} />
        <label htmlFor="trunk-active">Active</label>
      </div>
      <div className="grid grid-cols-2 gap-4">
        <Field label="Gateway type" htmlFor="trunk-gateway">
          <Input id="trunk-gateway" value="SIP" readOnly disabled />
        </Field>
        <Field
          label="Driver"
          htmlFor="trunk-driver"
          name="driver"
          hint={chosen ? (chosen.reason ?? "Configured on this installation.") : undefined}
        >
          <NativeSelect id="trunk-driver" value={v.driver} onChange={set("driver")}>
            {TRUNK_DRIVERS.map((d) => (
              <option key={d} value={d}>
                {TRUNK_DRIVER_LABELS[d]}
                {status(d)?.configured === false ? " — not configured" : ""}
              </option>
            ))}
          </NativeSelect>
        </Field>
      </div>
      <div className="flex items-center gap-2 text-sm">
        <input
          id="trunk-ip-auth"
          type="checkbox"
          checked={v.ipAuth}
          onChange={(e) =>
            setV({
              ...v,
              ipAuth: e.target.checked,
              sipUsername: e.target.checked ? "" : v.sipUsername,
              sipPassword: "",
            })
          }
        />
        <label htmlFor="trunk-ip-auth">IP authentication (host and port only)</label>
      </div>
      {v.ipAuth ? (
        trunk && !trunk.ipAuth ? (
          <p className="text-xs text-muted-foreground">Saving removes the stored SIP username and password.</p>
        ) : null
      ) : (
        <div className="grid grid-cols-2 gap-4">
          <Field label="SIP username" htmlFor="trunk-sip-user" name="sipUsername">
            <Input
              id="trunk-sip-user"
              value={v.sipUsername}
              onChange={set("sipUsername")}
              autoComplete="off"
              maxLength={SIP_USERNAME_MAX}
            />
          </Field>
          <Field
            label="SIP password"
            htmlFor="trunk-sip-password"
            name="sipPassword"
            hint={trunk?.hasPassword ? "Leave empty to keep the stored password." : undefined}
          >
            <Input
              id="trunk-sip-password"
              type="password"
              value={v.sipPassword}
              onChange={set("sipPassword")}
              autoComplete="new-password"
              maxLength={SIP_PASSWORD_MAX}
              placeholder={trunk?.hasPassword ? "•••••••• (stored)" : undefined}
            />
          </Field>
        </div>
      )}
      <div className="grid grid-cols-[1fr_8rem] gap-4">
        <Field
          label="Host"
          htmlFor="trunk-host"
          name="host"
          hint="Hostname or IPv4/IPv6 address, without sip: or port."
        >
          <Input
            id="trunk-host"
            value={v.host}
            onChange={set("host")}
            placeholder="sip.carrier.example"
            maxLength={HOSTNAME_MAX}
          />
        </Field>
        <Field label="Port" htmlFor="trunk-port" name="port">
          <Input
            id="trunk-port"
            type="number"
            min={TRUNK_NUMBER_BOUNDS.port[0]}
            max={TRUNK_NUMBER_BOUNDS.port[1]}
            value={v.port}
            onChange={set("port")}
          />
        </Field>
      </div>
      <div className="grid grid-cols-2 gap-4">
        <Field
          label="Max channels"
          htmlFor="trunk-channels"
          name="maxChannels"
          hint={`Simultaneous calls, ${TRUNK_NUMBER_BOUNDS.maxChannels.join("–")}.`}
        >
          <Input
            id="trunk-channels"
            type="number"
            min={TRUNK_NUMBER_BOUNDS.maxChannels[0]}
            max={TRUNK_NUMBER_BOUNDS.maxChannels[1]}
            value={v.maxChannels}
            onChange={set("maxChannels")}
          />
        </Field>
        <Field
          label="Max calls per minute"
          htmlFor="trunk-cpm"
          name="maxCallsPerMinute"
          hint={`New calls started per minute, ${TRUNK_NUMBER_BOUNDS.maxCallsPerMinute.join("–")}.`}
        >
          <Input
            id="trunk-cpm"
            type="number"
            min={TRUNK_NUMBER_BOUNDS.maxCallsPerMinute[0]}
            max={TRUNK_NUMBER_BOUNDS.maxCallsPerMinute[1]}
            value={v.maxCallsPerMinute}
            onChange={set("maxCallsPerMinute")}
          />
        </Field>
      </div>
      <FormActions>
        <Button type="submit" disabled={mutation.isPending}>
          Save trunk
        </Button>
      </FormActions>
    </Form>
  );
}
