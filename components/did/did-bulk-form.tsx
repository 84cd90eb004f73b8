"use client";
import { useState } from "react";
import { trpc } from "@/components/providers/trpc";
import { TenantSelect } from "@/components/tenant/tenant-select";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { FormActions } from "@/components/ui/dialog";
import { Form, FormAlert } from "@/components/ui/form";
import { useFieldErrors } from "@/components/ui/form-errors";
import { Input, Textarea } from "@/components/ui/input";
import { Field } from "@/components/ui/label";
import { DID_TITLE_MAX, didBulkCreateSchema } from "@/lib/schemas/did";

/**
 * Paste many numbers at once. The text stays in the box after submitting, and every skipped
 * entry is listed with its line, so nothing typed is lost.
 */
export function DidBulkForm({ onAdded }: { onAdded: () => void }) {
  const [v, setV] = useState({ numbers: "", title: "", tenantId: "" });
  const bulk = trpc.did.bulkCreate.useMutation({ onSuccess: (r) => r.added > 0 && onAdded() });
  const errors = useFieldErrors(bulk.error);
  const { check } = errors;

  function submit(e: React.FormEvent) {
    e.preventDefault();
    const valid = check(didBulkCreateSchema, { numbers: v.numbers, title: v.title, tenantId: v.tenantId || null });
    if (!valid) return;
    bulk.mutate(valid);
  }

  const result = bulk.data;
  return (
    <Form errors={errors} onSubmit={submit} className="grid gap-4">
      <FormAlert />
      {result ? (
        <Alert variant={result.skipped ? "info" : "success"}>
          <p className="font-medium">
            Added {result.added}, skipped {result.skipped}
          </p>
          {result.problems.length ? (
            <ul className="mt-2 list-disc space-y-0.5 pl-5" aria-label="Skipped entries">
              {result.problems.map((p) => (
                <li key={`${p.line}-${p.input}`}>
                  Line {p.line}: {p.input} — {p.reason}
                </li>
              ))}
            </ul>
          ) : null}
        </Alert>
      ) : null}
      <Field
        label="Numbers"
        htmlFor="did-bulk-numbers"
        name="numbers"
        hint="One per line, or separated by commas or semicolons. Invalid and duplicate entries are listed, not added."
      >
        <Textarea
          id="did-bulk-numbers"
          rows={8}
          className="font-mono"
          value={v.numbers}
          onChange={(e) => setV({ ...v, numbers: e.target.value })}
        />
      </Field>
      <Field label="Title" htmlFor="did-bulk-title" name="title" hint="Optional, given to every number added.">
        <Input
          id="did-bulk-title"
          value={v.title}
          onChange={(e) => setV({ ...v, title: e.target.value })}
          maxLength={DID_TITLE_MAX}
        />
      </Field>
      <Field label="Organisation" htmlFor="did-bulk-tenant" name="tenantId">
        <TenantSelect
          id="did-bulk-tenant"
          value={v.tenantId}
          onChange={(tenantId) => setV({ ...v, tenantId })}
          emptyLabel="— Platform pool (no organisation) —"
        />
      </Field>
      {/* After a batch the numbers are added: closing is "Done", not cancelling anything. */}
      <FormActions cancelLabel={result ? "Done" : "Cancel"}>
        <Button type="submit" disabled={bulk.isPending}>
          Add numbers
        </Button>
      </FormActions>
    </Form>
  );
}
