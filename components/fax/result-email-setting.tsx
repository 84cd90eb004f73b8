"use client";
/** The signed-in person's own choice: email them each finished fax's result, failures only, or never. */
import { useEffect, useState } from "react";
import { trpc } from "@/components/providers/trpc";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { Card, CardContent } from "@/components/ui/card";
import { Form, FormAlert } from "@/components/ui/form";
import { useFieldErrors } from "@/components/ui/form-errors";
import { NativeSelect } from "@/components/ui/input";
import { Field } from "@/components/ui/label";
import { type FaxResultEmail, faxResultEmailSchema } from "@/lib/schemas/fax";

const CHOICES: Record<FaxResultEmail, string> = {
  NEVER: "Never",
  FAILED: "When a fax fails",
  ALWAYS: "For every fax, delivered or failed",
};

export function ResultEmailSetting() {
  const saved = trpc.fax.resultEmail.useQuery();
  const [choice, setChoice] = useState<FaxResultEmail>("NEVER");
  const [notice, setNotice] = useState<string | null>(null);
  useEffect(() => {
    if (saved.data) setChoice(saved.data.faxResultEmail);
  }, [saved.data]);
  const utils = trpc.useUtils();
  const save = trpc.fax.setResultEmail.useMutation({
    onSuccess: () => {
      setNotice("Saved.");
      void utils.fax.resultEmail.invalidate();
    },
  });
  const errors = useFieldErrors(save.error);

  function submit(e: React.FormEvent) {
    e.preventDefault();
    setNotice(null);
    const valid = errors.check(faxResultEmailSchema, { faxResultEmail: choice });
    if (valid) save.mutate(valid);
  }

  if (!saved.data) return null;
  return (
    <Card className="mt-6">
      <CardContent className="p-4">
        <Form errors={errors} onSubmit={submit} className="grid max-w-md gap-3">
          {notice ? <Alert variant="success">{notice}</Alert> : null}
          <FormAlert />
          <Field
            label="Email me the result of my faxes"
            htmlFor="fax-result-email"
            name="faxResultEmail"
            hint="The email says the result and links to the fax, where you download its transmission report. It never carries your pages."
          >
            <NativeSelect
              id="fax-result-email"
              value={choice}
              onChange={(e) => setChoice(e.target.value as FaxResultEmail)}
            >
              {Object.entries(CHOICES).map(([value, label]) => (
                <option key={value} value={value}>
                  {label}
                </option>
              ))}
            </NativeSelect>
          </Field>
          <div>
            <Button type="submit" variant="outline" disabled={save.isPending || choice === saved.data.faxResultEmail}>
              Save
            </Button>
          </div>
        </Form>
      </CardContent>
    </Card>
  );
}
