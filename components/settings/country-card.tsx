"use client";
/**
 * An organisation admin picks the country fax numbers typed without +country are read in (New fax,
 * resend): "020 7946 0958" is a London number when the country is the United Kingdom.
 */
import { useState } from "react";
import { trpc } from "@/components/providers/trpc";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { Card, CardContent, CardDescription, CardHeader, CardTitle } from "@/components/ui/card";
import { Form, FormAlert } from "@/components/ui/form";
import { useFieldErrors } from "@/components/ui/form-errors";
import { Field } from "@/components/ui/label";
import { countryChoiceSchema, countryName } from "@/lib/schemas/country";
import { CountrySelect } from "./country-select";

export function CountryCard() {
  const mine = trpc.tenant.mine.useQuery();
  // Kept here: the form below starts afresh (its key) once the saved country comes back.
  const [notice, setNotice] = useState<string | null>(null);
  return (
    <Card>
      <CardHeader>
        <CardTitle>Country</CardTitle>
        <CardDescription>
          Fax numbers typed without a + and country code are read as numbers of this country. Numbers that start with +
          are always dialled as typed.
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
          <CountryForm key={mine.data.defaultCountry} saved={mine.data.defaultCountry} onNotice={setNotice} />
        ) : null}
      </CardContent>
    </Card>
  );
}

function CountryForm({ saved, onNotice: setNotice }: { saved: string; onNotice: (notice: string | null) => void }) {
  const utils = trpc.useUtils();
  const [country, setCountry] = useState(saved);
  const save = trpc.tenant.setCountry.useMutation({
    onSuccess: (result) => {
      setNotice(`Country saved. Numbers without +country are now read as ${countryName(result?.country ?? country)}.`);
      void utils.tenant.mine.invalidate();
    },
  });
  const errors = useFieldErrors(save.error);

  function submit(e: React.FormEvent) {
    e.preventDefault();
    setNotice(null);
    const valid = errors.check(countryChoiceSchema, { country });
    if (valid) save.mutate(valid);
  }

  return (
    <Form errors={errors} onSubmit={submit} className="grid max-w-md gap-4">
      <FormAlert />
      <Field
        label="Country"
        htmlFor="country-code"
        name="country"
        hint="Type the first letters of a country to jump to it."
      >
        <CountrySelect id="country-code" value={country} onChange={setCountry} />
      </Field>
      <div>
        <Button type="submit" disabled={save.isPending || country === saved}>
          Save country
        </Button>
      </div>
    </Form>
  );
}
