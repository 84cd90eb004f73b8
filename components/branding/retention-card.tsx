"use client";
/** An organisation admin picks how long faxes are kept, inside the bounds their provider set (Settings → Retention). */
import { useState } from "react";
import { trpc } from "@/components/providers/trpc";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { Card, CardContent, CardDescription, CardHeader, CardTitle } from "@/components/ui/card";
import { validate } from "@/components/ui/form-errors";
import { Input } from "@/components/ui/input";
import { Field } from "@/components/ui/label";
import { retentionChoiceSchema } from "@/lib/schemas/tenant";

interface Bounds {
  retentionMinDays: number;
  retentionMaxDays: number;
  retentionDays: number | null;
}

export function RetentionCard() {
  const mine = trpc.tenant.mine.useQuery();
  return (
    <Card>
      <CardHeader>
        <CardTitle>Retention</CardTitle>
        <CardDescription>
          How many days sent and received faxes and their documents are kept before they are deleted.
        </CardDescription>
      </CardHeader>
      <CardContent>
        {mine.error ? <Alert variant="error">{mine.error.message}</Alert> : null}
        {mine.data ? (
          <RetentionForm key={`${mine.data.retentionMinDays}-${mine.data.retentionMaxDays}`} bounds={mine.data} />
        ) : null}
      </CardContent>
    </Card>
  );
}

function RetentionForm({ bounds }: { bounds: Bounds }) {
  const { retentionMinDays: min, retentionMaxDays: max } = bounds;
  const utils = trpc.useUtils();
  const [days, setDays] = useState(bounds.retentionDays != null ? String(bounds.retentionDays) : "");
  const [error, setError] = useState<string | null>(null);
  const [notice, setNotice] = useState<string | null>(null);
  const save = trpc.tenant.setRetention.useMutation({
    onSuccess: () => {
      setNotice("Retention saved.");
      void utils.tenant.mine.invalidate();
    },
  });
  // The platform's bounds, with the same words the server uses.
  const schema = retentionChoiceSchema.refine(
    (v) => v.retentionDays == null || (v.retentionDays >= min && v.retentionDays <= max),
    {
      path: ["retentionDays"],
      message: `Retention must be between ${min} and ${max} days.`,
    },
  );

  function submit(e: React.FormEvent) {
    e.preventDefault();
    setNotice(null);
    const r = validate(schema, { retentionDays: days.trim() === "" ? null : Number(days) });
    if (!r.ok) return setError(r.errors.retentionDays ?? "Enter a whole number of days");
    setError(null);
    save.mutate(r.data);
  }

  return (
    <form method="post" onSubmit={submit} className="grid max-w-md gap-4" noValidate>
      {notice ? <Alert variant="success">{notice}</Alert> : null}
      {save.error ? <Alert variant="error">{save.error.message}</Alert> : null}
      <p className="text-sm" data-testid="retention-bounds">
        Your provider allows <strong>{min}</strong> to <strong>{max}</strong> days. Currently kept:{" "}
        <strong>{bounds.retentionDays ?? max}</strong> days{bounds.retentionDays == null ? " (the maximum)" : ""}.
      </p>
      <Field
        label="Retention (days)"
        htmlFor="r-days"
        error={error}
        hint={`Between ${min} and ${max}. Leave empty to keep the maximum (${max}).`}
      >
        <Input
          id="r-days"
          type="number"
          min={min}
          max={max}
          value={days}
          onChange={(e) => setDays(e.target.value)}
          aria-invalid={!!error}
        />
      </Field>
      <div>
        <Button type="submit" disabled={save.isPending}>
          Save retention
        </Button>
      </div>
    </form>
  );
}
