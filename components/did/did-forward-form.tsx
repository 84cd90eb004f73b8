"use client";
import { useState } from "react";
import { trpc } from "@/components/providers/trpc";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { useFieldErrors } from "@/components/ui/form-errors";
import { Input } from "@/components/ui/input";
import { Field } from "@/components/ui/label";
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
  const { check, fieldError } = useFieldErrors();
  const save = trpc.did.setForward.useMutation({
    onSuccess: (d) =>
      onDone(d.forward === "EMAIL" ? `Faxes will be emailed to ${d.forwardEmail}.` : "Forwarding turned off.", d),
  });

  function submit(e: React.FormEvent) {
    e.preventDefault();
    const valid = check(didSetForwardSchema, { id: did.id, forward, email });
    if (!valid) return;
    save.mutate(valid);
  }

  const err = (k: string) => fieldError(k, save.error);
  return (
    <form method="post" onSubmit={submit} className="grid gap-4" noValidate>
      {save.error ? <Alert variant="error">{save.error.message}</Alert> : null}
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
          error={err("email")}
          hint="Incoming faxes will be emailed there and still show under Received Faxes."
        >
          <Input id="did-forward-email" type="email" value={email} onChange={(e) => setEmail(e.target.value)} />
        </Field>
      ) : null}
      <div className="flex justify-end gap-2">
        <Button type="submit" disabled={save.isPending}>
          Save forwarding
        </Button>
      </div>
    </form>
  );
}
