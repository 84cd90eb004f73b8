"use client";
/** A new name for a document, encrypted in this browser under the document's own key. */
import { useState } from "react";
import { trpc } from "@/components/providers/trpc";
import { Button } from "@/components/ui/button";
import { FormActions } from "@/components/ui/dialog";
import { Form, FormAlert } from "@/components/ui/form";
import { useFieldErrors } from "@/components/ui/form-errors";
import { Input } from "@/components/ui/input";
import { Field } from "@/components/ui/label";
import type { KeyPair } from "@/lib/crypto";
import { encryptName } from "@/lib/crypto/document-key";
import { toBase64 } from "@/lib/crypto/encoding";
import { type KeyForMe, openDocumentKeyFor, type TenantCopy } from "@/lib/documents/open-document-key";

export function RenameDocumentForm({
  document,
  current,
  me,
  tenant,
  onDone,
}: {
  document: { id: string; keyForMe: KeyForMe };
  current: string;
  me: KeyPair;
  tenant: TenantCopy;
  onDone: () => void;
}) {
  const [name, setName] = useState(current);
  const rename = trpc.document.rename.useMutation({ onSuccess: onDone });
  const errors = useFieldErrors(rename.error);

  async function submit(e: React.FormEvent) {
    e.preventDefault();
    if (!name.trim()) return errors.setErrors({ name: "Enter a name for the document." });
    try {
      const K = await openDocumentKeyFor(document.keyForMe, me, tenant);
      const nameCipher = await toBase64(await encryptName(name.trim(), K));
      K.fill(0);
      rename.mutate({ id: document.id, nameCipher });
    } catch (error) {
      errors.setErrors({ name: error instanceof Error ? error.message : "The name could not be encrypted." });
    }
  }

  return (
    <Form errors={errors} onSubmit={submit} className="grid gap-4">
      <FormAlert />
      <Field label="Name" htmlFor="rename-document-name" name="name">
        <Input id="rename-document-name" value={name} maxLength={200} onChange={(e) => setName(e.target.value)} />
      </Field>
      <FormActions>
        <Button type="submit" disabled={rename.isPending}>
          Save name
        </Button>
      </FormActions>
    </Form>
  );
}
