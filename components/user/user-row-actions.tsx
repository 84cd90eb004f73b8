"use client";
import { useState } from "react";
import { trpc } from "@/components/providers/trpc";
import { Button } from "@/components/ui/button";
import { ConfirmDialog } from "@/components/ui/confirm-dialog";
import { RowActions, rowMenuButton } from "@/components/ui/row-actions";
import { lockedOutUntil, type UserRow, type Viewer } from "./user-row";

/**
 * Edit beside a "⋯" menu with Change password, Send welcome, Require new password, Lock/Unlock and
 * Delete. Lock and Delete ask first, saying what they do. Your own row cannot be locked or deleted.
 */
export function UserRowActions({
  user,
  viewer,
  onEdit,
  onPassword,
  onDone,
  onError,
}: {
  user: UserRow;
  viewer: Viewer;
  onEdit: () => void;
  onPassword: () => void;
  onDone: (message: string) => void;
  onError: (message: string) => void;
}) {
  const [asking, setAsking] = useState<"lock" | "delete" | null>(null);
  const handlers = (message: string) => ({
    onSuccess: () => {
      setAsking(null);
      onDone(message);
    },
    onError: (e: { message: string }) => {
      setAsking(null);
      onError(e.message);
    },
  });
  const lock = trpc.user.lock.useMutation(handlers(`${user.username} is locked and has been signed out.`));
  const unlock = trpc.user.unlock.useMutation(handlers(`${user.username} is unlocked.`));
  const welcome = trpc.user.sendWelcome.useMutation({
    onSuccess: (r) => onDone(`Welcome email sent to ${r.to} with a link to choose a password.`),
    onError: (e) => onError(e.message),
  });
  const requireChange = trpc.user.requirePasswordChange.useMutation(
    handlers(`${user.username} must choose a new password before continuing.`),
  );
  const remove = trpc.user.delete.useMutation(
    handlers(`${user.username} was deleted. Their fax numbers are back in the unassigned pool.`),
  );
  const isSelf = user.id === viewer.id;
  // A platform admin does not choose an organisation member's password, email or role (issue 16).
  const ownsPeople = viewer.role !== "PLATFORM_ADMIN" || user.tenantId === null;
  const isLocked = user.locked || !!lockedOutUntil(user);
  const busy = lock.isPending || unlock.isPending || remove.isPending || welcome.isPending || requireChange.isPending;
  const backToMenu = () => rowMenuButton(user.id);

  return (
    <>
      <RowActions
        rowId={user.id}
        rowName={user.username}
        primary={
          ownsPeople ? (
            <Button variant="ghost" size="sm" onClick={onEdit} aria-label={`Edit ${user.username}`}>
              Edit
            </Button>
          ) : undefined
        }
        items={[
          // Your own password is changed on the Change password page, which asks for the current one.
          !isSelf && ownsPeople && { label: "Change password", onSelect: onPassword },
          // Only an account still without a password: a welcome link on one that has one would reset it.
          !isSelf &&
            !isLocked &&
            !user.hasPassword && {
              label: "Send welcome",
              disabled: busy,
              onSelect: () => welcome.mutate({ id: user.id }),
            },
          !isSelf &&
            !user.mustChangePassword && {
              label: "Require new password",
              disabled: busy,
              onSelect: () => requireChange.mutate({ id: user.id }),
            },
          isLocked
            ? { label: "Unlock", disabled: busy, onSelect: () => unlock.mutate({ id: user.id }) }
            : !isSelf && { label: "Lock", disabled: busy, onSelect: () => setAsking("lock") },
          !isSelf && { label: "Delete", destructive: true, disabled: busy, onSelect: () => setAsking("delete") },
        ]}
      />
      <ConfirmDialog
        open={asking === "lock"}
        onOpenChange={(o) => !o && setAsking(null)}
        title={`Lock ${user.username}?`}
        confirmLabel="Lock"
        pending={lock.isPending}
        onConfirm={() => lock.mutate({ id: user.id })}
        returnFocus={backToMenu}
      >
        <p>
          {user.username} is signed out everywhere at once and cannot sign in until someone unlocks the account. Their
          faxes, numbers and settings stay as they are.
        </p>
      </ConfirmDialog>
      <ConfirmDialog
        open={asking === "delete"}
        onOpenChange={(o) => !o && setAsking(null)}
        title={`Delete ${user.username}?`}
        confirmLabel="Delete user"
        destructive
        pending={remove.isPending}
        onConfirm={() => remove.mutate({ id: user.id })}
        returnFocus={backToMenu}
        alternative={isLocked ? undefined : { label: "Lock instead", onSelect: () => setAsking("lock") }}
      >
        <p>
          The account is removed for good and their fax numbers return to the unassigned pool. This cannot be undone.
        </p>
        {isLocked ? null : <p>To only stop them signing in, lock the account instead: it can be unlocked later.</p>}
      </ConfirmDialog>
    </>
  );
}
