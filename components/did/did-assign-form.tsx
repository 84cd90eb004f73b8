"use client";
import { useState } from "react";
import { trpc } from "@/components/providers/trpc";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { FormActions } from "@/components/ui/dialog";
import { Form, FormAlert } from "@/components/ui/form";
import { useFieldErrors } from "@/components/ui/form-errors";
import { Field } from "@/components/ui/label";
import { formatPhone, personName } from "./did-labels";
import { DidUserSelect } from "./did-user-select";

export interface AssignRow {
  id: string;
  number: string;
  tenantId: string;
  userId: string | null;
}

/** Hand an organisation's number to one of its users (or take it back). */
export function DidAssignForm({ did, onDone }: { did: AssignRow; onDone: (message: string) => void }) {
  const [userId, setUserId] = useState<string | null>(did.userId);
  const users = trpc.user.list.useQuery({ search: "", page: 1, pageSize: 200, tenantId: did.tenantId });
  const assign = trpc.did.assign.useMutation({
    onSuccess: (d) =>
      onDone(
        d.user
          ? `${formatPhone(d.number)} assigned to ${personName(d.user)}.`
          : `${formatPhone(d.number)} is unassigned.`,
      ),
  });
  const errors = useFieldErrors(assign.error);

  return (
    <Form
      errors={errors}
      className="grid gap-4"
      onSubmit={(e) => {
        e.preventDefault();
        assign.mutate({ id: did.id, userId });
      }}
    >
      <FormAlert />
      {users.error ? <Alert variant="error">Users could not be loaded: {users.error.message}</Alert> : null}
      <Field
        label="User"
        htmlFor="did-assign-user"
        name="userId"
        hint="Only people of the number's organisation can hold it."
      >
        <DidUserSelect
          id="did-assign-user"
          number={formatPhone(did.number)}
          value={userId ?? ""}
          users={users.data?.items ?? []}
          onChange={setUserId}
        />
      </Field>
      <FormActions>
        <Button type="submit" disabled={assign.isPending || users.isLoading}>
          Save assignment
        </Button>
      </FormActions>
    </Form>
  );
}
