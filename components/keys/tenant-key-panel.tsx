"use client";
/**
 * The organisation key, as it concerns the signed-in person: someone with fresh keys (after a reset
 * or an admin-set password, or a new organisation admin) is told they are waiting for access — whom
 * to ask, what still works, and the safety code to read out; an admin waiting can restore access with
 * the recovery code. (The first admin makes the key on the recovery step, app/(setup)/setup.)
 */
import { useEffect, useState } from "react";
import { trpc } from "@/components/providers/trpc";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { Input } from "@/components/ui/input";
import { recoverTenantKey } from "@/lib/auth/tenant-access";
import { CryptoError } from "@/lib/crypto/crypto-error";
import { safetyCode } from "@/lib/crypto/safety-code";
import { useUnlockedKeys } from "./key-unlock";
import { UnlockDocuments } from "./unlock-documents";

export function TenantKeyPanel({ isTenantAdmin }: { isTenantAdmin: boolean }) {
  const keys = useUnlockedKeys();
  const utils = trpc.useUtils();
  const state = trpc.tenantKeys.state.useQuery();
  const recover = trpc.tenantKeys.recover.useMutation({ onSuccess: () => utils.tenantKeys.state.invalidate() });
  const [typedCode, setTypedCode] = useState("");
  const [restoreError, setRestoreError] = useState<string | null>(null);
  const [myCode, setMyCode] = useState<string | null>(null);
  const myPublicKey = state.data?.waitingForAccess ? state.data.myPublicKey : null;

  // The code the person reads to the admin who grants: from their own new public key, in this browser.
  useEffect(() => {
    if (!myPublicKey) return;
    let live = true;
    void safetyCode(myPublicKey).then((c) => live && setMyCode(c));
    return () => {
      live = false;
    };
  }, [myPublicKey]);

  async function restore(e: React.FormEvent) {
    e.preventDefault();
    if (!keys) return;
    setRestoreError(null);
    if (!typedCode.trim()) return setRestoreError("Enter the recovery code.");
    try {
      const box = await utils.tenantKeys.recoveryBox.fetch();
      recover.mutate({ sealedForMe: await recoverTenantKey(typedCode, box, keys) });
    } catch (err) {
      setRestoreError(
        err instanceof CryptoError ? "That recovery code does not open your organisation's key." : "Restoring failed.",
      );
    }
  }

  if (state.data?.waitingForSetUp)
    return (
      <Alert className="mb-4" data-testid="waiting-for-set-up">
        <p className="font-medium">Waiting for your organisation's key</p>
        <p className="text-sm">
          The admin named when your organisation was created sets up its key at their first sign-in. After that, an
          organisation admin grants you access.
        </p>
      </Alert>
    );
  if (!state.data?.waitingForAccess) return null;
  const admins = state.data.askAdmins;
  return (
    <Alert className="mb-4" data-testid="waiting-for-access">
      <p className="font-medium">Waiting for access</p>
      <p className="text-sm">
        {isTenantAdmin && !state.data.tenantPublicKey
          ? "You do not hold your organisation's key yet."
          : "You have new keys (your password was reset or set by an administrator, or you are a new organisation admin)."}{" "}
        Your earlier documents and transmission reports stay closed until an organisation admin grants you access.
      </p>
      <p className="mt-1 text-sm" data-testid="whom-to-ask">
        {admins.length
          ? `Ask ${admins.length === 1 ? "your organisation admin" : "one of your organisation admins"}: ${admins.join("; ")}. They were told by email.`
          : "Nobody else holds your organisation's key yet; if you have its recovery code, enter it below."}{" "}
        Call them and read them your safety code; they grant only if it matches what their screen shows.
      </p>
      <p className="mt-1 text-sm">
        Your safety code:{" "}
        <span className="font-mono text-base font-medium" data-testid="my-safety-code">
          {myCode ?? "…"}
        </span>
      </p>
      <p className="mt-1 text-sm" data-testid="what-still-works">
        Meanwhile you can still sign in, upload new documents and send faxes with them, follow your faxes' status and
        change your password.
      </p>
      {isTenantAdmin ? (
        keys ? (
          <form
            onSubmit={restore}
            className="mt-2 grid gap-2 sm:flex sm:items-start sm:gap-3"
            aria-label="Restore access"
          >
            <div className="grid flex-1 gap-1">
              <label htmlFor="recovery-code" className="text-sm font-medium">
                Have your organisation's recovery code? Enter it to restore access.
              </label>
              <Input
                id="recovery-code"
                value={typedCode}
                onChange={(e) => setTypedCode(e.target.value)}
                autoComplete="off"
                spellCheck={false}
                className="font-mono"
                aria-invalid={!!restoreError}
                aria-describedby={restoreError ? "recovery-code-error" : undefined}
              />
              {restoreError ? (
                <p id="recovery-code-error" role="alert" className="text-sm text-red-700">
                  {restoreError}
                </p>
              ) : null}
            </div>
            <Button type="submit" disabled={recover.isPending} className="sm:mt-6">
              Restore access
            </Button>
          </form>
        ) : (
          <UnlockDocuments
            className="mt-2 mb-0"
            why="Have your organisation's recovery code? Enter your password first, then the code."
          />
        )
      ) : null}
    </Alert>
  );
}
