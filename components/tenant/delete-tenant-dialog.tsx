"use client";
/**
 * Deleting a tenant asks for its name, says what goes with it (with the counts the list has), and
 * offers Suspend instead, which keeps everything and can be undone.
 */
import { ConfirmDialog } from "@/components/ui/confirm-dialog";
import { rowMenuButton } from "@/components/ui/row-actions";

export interface DeletableTenant {
  id: string;
  name: string;
  active: boolean;
  _count: { users: number; dids: number };
}

const count = (n: number, one: string, many: string) => `${n} ${n === 1 ? one : many}`;

export function DeleteTenantDialog({
  tenant,
  onClose,
  onDelete,
  onSuspend,
  pending,
  error,
}: {
  tenant: DeletableTenant | null;
  onClose: () => void;
  onDelete: (t: DeletableTenant, confirmName: string) => void;
  onSuspend: (t: DeletableTenant) => void;
  pending: boolean;
  error?: string | null;
}) {
  return (
    <ConfirmDialog
      open={tenant !== null}
      onOpenChange={(o) => !o && onClose()}
      title={tenant ? `Delete ${tenant.name}?` : ""}
      confirmLabel="Delete organisation"
      destructive
      pending={pending}
      error={error}
      typeToConfirm={tenant?.name}
      onConfirm={(typed) => tenant && onDelete(tenant, typed)}
      returnFocus={() => (tenant ? rowMenuButton(tenant.id) : null)}
      alternative={tenant?.active ? { label: "Suspend instead", onSelect: () => onSuspend(tenant) } : undefined}
    >
      {tenant ? (
        <>
          <p>This deletes for good, and cannot be undone:</p>
          <ul className="list-disc pl-5">
            <li>{count(tenant._count.users, "user account", "user accounts")}</li>
            <li>all its contacts, documents and fax records</li>
            <li>its branding and settings</li>
          </ul>
          <p>Its {count(tenant._count.dids, "fax number returns", "fax numbers return")} to the platform pool.</p>
          {tenant.active ? (
            <p>
              To stop it for now, suspend it instead: its people are signed out and cannot sign in, nothing is deleted,
              and you can reactivate it later.
            </p>
          ) : null}
        </>
      ) : null}
    </ConfirmDialog>
  );
}
