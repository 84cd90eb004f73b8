"use client";
import { useState } from "react";
import { trpc } from "@/components/providers/trpc";
import { TenantSelect } from "@/components/tenant/tenant-select";
import { Button } from "@/components/ui/button";
import { FormActions } from "@/components/ui/dialog";
import { Form, FormAlert } from "@/components/ui/form";
import { useFieldErrors } from "@/components/ui/form-errors";
import { Input } from "@/components/ui/input";
import { Field } from "@/components/ui/label";
import { DID_TITLE_MAX, didCreateSchema, didUpdateSchema } from "@/lib/schemas/did";
import { formatPhone } from "./did-labels";

export interface DidEditRow {
  id: string;
  number: string;
  title: string;
  tenantId: string | null;
  userId: string | null;
}

/** Add one fax number, or edit its title and organisation (platform admins). */
export function DidForm({ did, onDone }: { did: DidEditRow | null; onDone: (message: string) => void }) {
  const [v, setV] = useState({ number: did?.number ?? "", title: did?.title ?? "", tenantId: did?.tenantId ?? "" });
  const create = trpc.did.create.useMutation({ onSuccess: (d) => onDone(`${formatPhone(d.number)} added.`) });
  const update = trpc.did.update.useMutation({ onSuccess: (d) => onDone(`${formatPhone(d.number)} saved.`) });
  const mutation = did ? update : create;
  const errors = useFieldErrors(mutation.error);
  const { check } = errors;
  const moving = did !== null && (did.tenantId ?? "") !== v.tenantId;

  function submit(e: React.FormEvent) {
    e.preventDefault();
    const common = { title: v.title, tenantId: v.tenantId || null };
    if (did) {
      const valid = check(didUpdateSchema, { ...common, id: did.id });
      if (!valid) return;
      update.mutate(valid);
    } else {
      const valid = check(didCreateSchema, { ...common, number: v.number });
      if (!valid) return;
      create.mutate(valid);
    }
  }

  return (
    <Form errors={errors} onSubmit={submit} className="grid gap-4">
      <FormAlert />
      <Field
        label="Number"
        htmlFor="did-number"
        name="number"
        hint={
          did
            ? "The number itself cannot change; delete and add it again instead."
            : "Any common notation; stored as +1… (E.164)."
        }
      >
        <Input
          id="did-number"
          value={did ? formatPhone(v.number) : v.number}
          disabled={did !== null}
          onChange={(e) => setV({ ...v, number: e.target.value })}
          placeholder="+1 212 555 0100"
        />
      </Field>
      <Field label="Title" htmlFor="did-title" name="title" hint="Shown next to the number, e.g. Reception fax.">
        <Input
          id="did-title"
          value={v.title}
          onChange={(e) => setV({ ...v, title: e.target.value })}
          maxLength={DID_TITLE_MAX}
        />
      </Field>
      <Field
        label="Organisation"
        htmlFor="did-tenant"
        name="tenantId"
        hint={
          moving && did?.userId
            ? "Moving the number to another organisation removes its user and forwarding."
            : undefined
        }
      >
        <TenantSelect
          id="did-tenant"
          value={v.tenantId}
          onChange={(tenantId) => setV({ ...v, tenantId })}
          emptyLabel="— Platform pool (no organisation) —"
        />
      </Field>
      <FormActions>
        <Button type="submit" disabled={mutation.isPending}>
          Save fax number
        </Button>
      </FormActions>
    </Form>
  );
}
