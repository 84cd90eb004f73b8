"use client";
/** An organisation admin picks the time zone every date on their portal is shown in. */
import { useState } from "react";
import { trpc } from "@/components/providers/trpc";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { Card, CardContent, CardDescription, CardHeader, CardTitle } from "@/components/ui/card";
import { DateTime } from "@/components/ui/date-time";
import { Form, FormAlert } from "@/components/ui/form";
import { useFieldErrors } from "@/components/ui/form-errors";
import { Field } from "@/components/ui/label";
import { countryName } from "@/lib/schemas/country";
import { timeZoneChoiceSchema } from "@/lib/schemas/time-zone";
import { TimeZoneSelect } from "./time-zone-select";

export function TimeZoneCard() {
  const mine = trpc.tenant.mine.useQuery();
  // Kept here, beside the form: the notice outlives the form's own state.
  const [notice, setNotice] = useState<string | null>(null);
  return (
    <Card>
      <CardHeader>
        <CardTitle>Time zone</CardTitle>
        <CardDescription>
          Dates on your portal (audit log, sign-ins, faxes) are shown in this zone, in each person's own language.
        </CardDescription>
      </CardHeader>
      <CardContent>
        {mine.error ? <Alert variant="error">{mine.error.message}</Alert> : null}
        {notice ? (
          <Alert variant="success" className="mb-4">
            {notice}
          </Alert>
        ) : null}
        {mine.data ? (
          <TimeZoneForm saved={mine.data.timeZone} country={mine.data.defaultCountry} onNotice={setNotice} />
        ) : null}
      </CardContent>
    </Card>
  );
}

function TimeZoneForm({
  saved,
  country,
  onNotice: setNotice,
}: {
  saved: string;
  country: string;
  onNotice: (notice: string | null) => void;
}) {
  const utils = trpc.useUtils();
  const [zone, setZone] = useState(saved);
  const save = trpc.tenant.setTimeZone.useMutation({
    onSuccess: () => {
      setNotice("Time zone saved. Pages opened from now on show dates in it.");
      void utils.tenant.mine.invalidate();
    },
  });
  const errors = useFieldErrors(save.error);

  function submit(e: React.FormEvent) {
    e.preventDefault();
    setNotice(null);
    const valid = errors.check(timeZoneChoiceSchema, { timeZone: zone });
    if (valid) save.mutate(valid);
  }

  return (
    <Form errors={errors} onSubmit={submit} className="grid max-w-md gap-4">
      <FormAlert />
      <Field
        label="Time zone"
        htmlFor="tz-zone"
        name="timeZone"
        hint={`Type to search, e.g. a city. Zones of ${countryName(country)} (your organisation's country) come first.`}
      >
        <TimeZoneSelect id="tz-zone" value={zone} country={country} onChange={setZone} />
      </Field>
      <p className="text-sm text-muted-foreground">
        Now in this zone: <DateTime value={new Date()} timeZone={zone} />
      </p>
      <div>
        <Button type="submit" disabled={save.isPending || zone === saved}>
          Save time zone
        </Button>
      </div>
    </Form>
  );
}
