"use client";
/** "Everyone must choose a new password" — after a suspected leak, or to roll out a stricter policy. */
import { trpc } from "@/components/providers/trpc";
import { Alert } from "@/components/ui/alert";
import { Card, CardContent, CardDescription, CardHeader, CardTitle } from "@/components/ui/card";
import { ConfirmButton } from "@/components/ui/confirm-button";
import { counted } from "@/lib/counted";

export function ForcePasswordChangeCard({ tenantId }: { tenantId?: string }) {
  const force = trpc.securityPolicy.requirePasswordChangeForAll.useMutation();
  return (
    <Card className="mt-6">
      <CardHeader>
        <CardTitle>Require new passwords</CardTitle>
        <CardDescription>
          Everyone in this organisation except you must choose a new password before they can continue.
        </CardDescription>
      </CardHeader>
      <CardContent className="grid gap-3">
        {force.data ? (
          <Alert variant="success">
            {counted(force.data.users, "user")} must choose a new password at their next step.
          </Alert>
        ) : null}
        {force.error ? <Alert variant="error">{force.error.message}</Alert> : null}
        <div>
          <ConfirmButton
            variant="outline"
            disabled={force.isPending}
            title="Require everyone to change password?"
            message="Everyone except you will have to choose a new password before they can continue. Nobody is signed out."
            confirmLabel="Require new passwords"
            destructive={false}
            onConfirm={() => force.mutate({ tenantId })}
          >
            Require everyone to change password
          </ConfirmButton>
        </div>
      </CardContent>
    </Card>
  );
}
