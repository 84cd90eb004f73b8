"use client";
/**
 * Asks before a domain change: old → new, and what happens to everyone's links. A tenant admin's
 * new address serves only once proven, so the old one keeps working until then; a platform admin's
 * is verified at once, so the old one stops at once.
 */
import { ConfirmDialog } from "@/components/ui/confirm-dialog";
import type { DomainChange } from "@/lib/branding/domain-change";

const list = (hosts: string[]) => hosts.join(", ");

export function DomainChangeDialog({
  change,
  onCancel,
  onConfirm,
  pending,
  error,
}: {
  change: DomainChange | null;
  onCancel: () => void;
  onConfirm: () => void;
  pending: boolean;
  error?: string | null;
}) {
  const next = change?.to.filter((h) => !change.from.includes(h)) ?? [];
  const target = next[0] ?? change?.to[0] ?? "";
  return (
    <ConfirmDialog
      open={change !== null}
      onOpenChange={(o) => !o && onCancel()}
      title="Change the portal's address?"
      confirmLabel="Change address"
      pending={pending}
      error={error}
      onConfirm={onConfirm}
    >
      {change ? (
        <>
          <p className="flex flex-wrap items-center gap-2 font-medium" data-testid="domain-change">
            <span className="break-all">{list(change.from)}</span>
            <span aria-hidden>→</span>
            <span className="sr-only">becomes</span>
            <span className="break-all">{list(change.to)}</span>
          </p>
          {change.waitsForProof ? (
            <>
              <p>
                Everyone's links change to {target}. {list(change.dropped)} keeps working until {target} is proven to be
                yours; then it stops working.
              </p>
              <p>
                After saving, this page shows how to prove it. Once it is verified you are taken to the new address,
                where you sign in again.
              </p>
            </>
          ) : (
            <p>
              Everyone's links change at once: {list(change.dropped)} stops working and people must use{" "}
              {list(change.to)}. Bookmarks and links in old emails to the old address will not open the portal.
            </p>
          )}
        </>
      ) : null}
    </ConfirmDialog>
  );
}
