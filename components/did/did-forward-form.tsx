"use client";
import { useState } from "react";
import { trpc } from "@/components/providers/trpc";
import { Button } from "@/components/ui/button";
import { FormActions } from "@/components/ui/dialog";
import { Form, FormAlert } from "@/components/ui/form";
import { useFieldErrors } from "@/components/ui/form-errors";
import { Input } from "@/components/ui/input";
import { Field } from "@/components/ui/label";
import { EMAIL_MAX } from "@/lib/schemas/common";
import { DID_FORWARD_LABELS, DID_FORWARDS, didSetForwardSchema } from "@/lib/schemas/did";

export interface ForwardRow {
  id: string;
  forward: "NONE" | "EMAIL";
  forwardEmail: string | null;
}

/** "Fax to Email" for one number: incoming faxes are also emailed to one address. */
export function DidForwardForm({
  did,
  onDone,
}: {
  did: ForwardRow;
  onDone: (message: string, saved: ForwardRow) => void;
}) {
  const [forward, setForward] = useState(did.forward);
  const [email, setEmail] = useState(did.forwardEmail ?? "");
  const save = trpc.did.setForward.useMutation({
    onSuccess: (d) =>
      onDone(d.forward === "EMAIL" ? `Faxes will be emailed to ${d.forwardEmail}.` : "Forwarding turned off.", d),
  });
  const errors = useFieldErrors(save.error);
  const { check } = errors;

  function submit(e: React.FormEvent) {
    e.preventDefault();
    const valid = check(didSetForwardSchema, { id: did.id, forward, email });
    if (!valid) return;
    save.mutate(valid);
  }

  return (
    <Form errors={errors} onSubmit={submit} className="grid gap-4">
      <FormAlert />
      <fieldset className="grid gap-2">
        <legend className="mb-1 text-sm font-medium">Forwarding</legend>
        {DID_FORWARDS.map((f) => (
          <label key={f} className="flex items-center gap-2 text-sm">
            <input type="radio" name="did-forward" value={f} checked={forward === f} onChange={() => setForward(f)} />
            {DID_FORWARD_LABELS[f]}
          </label>
        ))}
      </fieldset>
      {forward === "EMAIL" ? (
        <Field
          label="Email address"
          htmlFor="did-forward-email"
          name="email"
          hint="Incoming faxes will be emailed there and still show under Received Faxes."
        >
          <Input
            id="did-forward-email"
            type="email"
            value={email}
            onChange={(e) => setEmail(e.target.value)}
            maxLength={EMAIL_MAX}
          />
        </Field>
      ) : null}
      <FormActions>
        <Button type="submit" disabled={save.isPending}>
          Save forwarding
        </Button>
      </FormActions>
    </Form>
  );
}
