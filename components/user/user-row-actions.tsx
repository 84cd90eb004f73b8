"use client";
import { trpc } from "@/components/providers/trpc";
import { Button } from "@/components/ui/button";
import { ConfirmButton } from "@/components/ui/confirm-button";
import { lockedOutUntil, type UserRow, type Viewer } from "./user-row";

/** Edit, Change password, Lock/Unlock, Delete for one row. Your own row cannot be locked or deleted. */
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
  const handlers = (message: string) => ({
    onSuccess: () => onDone(message),
    onError: (e: { message: string }) => onError(e.message),
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
  const isLocked = user.locked || !!lockedOutUntil(user);
  const busy = lock.isPending || unlock.isPending || remove.isPending || welcome.isPending || requireChange.isPending;

  return (
    <div className="flex flex-wrap justify-end gap-x-1">
      <Button variant="ghost" size="sm" onClick={onEdit}>
        Edit
      </Button>
      {/* Your own password is changed on the Change password page, which asks for the current one. */}
      {isSelf ? null : (
        <Button variant="ghost" size="sm" onClick={onPassword}>
          Change password
        </Button>
      )}
      {isSelf || isLocked ? null : (
        <Button variant="ghost" size="sm" disabled={busy} onClick={() => welcome.mutate({ id: user.id })}>
          Send welcome
        </Button>
      )}
      {isSelf || user.mustChangePassword ? null : (
        <Button variant="ghost" size="sm" disabled={busy} onClick={() => requireChange.mutate({ id: user.id })}>
          Require new password
        </Button>
      )}
      {isLocked ? (
        <Button variant="ghost" size="sm" disabled={busy} onClick={() => unlock.mutate({ id: user.id })}>
          Unlock
        </Button>
      ) : isSelf ? null : (
        <Button variant="ghost" size="sm" disabled={busy} onClick={() => lock.mutate({ id: user.id })}>
          Lock
        </Button>
      )}
      {isSelf ? null : (
        <ConfirmButton
          variant="ghost"
          size="sm"
          className="text-destructive"
          disabled={busy}
          message={`Delete ${user.username}? Their fax numbers return to the unassigned pool. This cannot be undone.`}
          onConfirm={() => remove.mutate({ id: user.id })}
        >
          Delete
        </ConfirmButton>
      )}
    </div>
  );
}
