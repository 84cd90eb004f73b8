"use client";
/**
 * The organisation key, for the signed-in person, once their own keys are unlocked: the first admin's
 * browser makes it and shows the one-time recovery code; a person with fresh keys sees that they are
 * waiting for access; an admin waiting can restore access with the recovery code.
 */
import { useEffect, useRef, useState } from "react";
import { trpc } from "@/components/providers/trpc";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { Input } from "@/components/ui/input";
import { makeTenantKeys, recoverTenantKey } from "@/lib/auth/tenant-access";
import { CryptoError } from "@/lib/crypto/crypto-error";
import { safetyCode } from "@/lib/crypto/safety-code";
import { useUnlockedKeys } from "./key-unlock";

export function TenantKeyPanel({ isTenantAdmin }: { isTenantAdmin: boolean }) {
  const keys = useUnlockedKeys();
  const utils = trpc.useUtils();
  const state = trpc.tenantKeys.state.useQuery(undefined, { enabled: !!keys });
  const setUp = trpc.tenantKeys.setUp.useMutation();
  const recover = trpc.tenantKeys.recover.useMutation({ onSuccess: () => utils.tenantKeys.state.invalidate() });
  const [recoveryCode, setRecoveryCode] = useState<string | null>(null);
  const [typedCode, setTypedCode] = useState("");
  const [error, setError] = useState<string | null>(null);
  const [restoreError, setRestoreError] = useState<string | null>(null);
  const started = useRef(false);
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

  // The first admin with unlocked keys makes the organisation's key here, once.
  useEffect(() => {
    if (!keys || !state.data?.canSetUp || started.current) return;
    started.current = true;
    (async () => {
      const made = await makeTenantKeys(keys);
      const { recoveryCode: code, ...stored } = made;
      await setUp.mutateAsync(stored);
      setRecoveryCode(code);
      await utils.tenantKeys.state.invalidate();
    })().catch(() => setError("Your organisation's key could not be set up. Reload the page to try again."));
  }, [keys, state.data?.canSetUp, setUp, utils]);

  async function restore(e: React.FormEvent) {
    e.preventDefault();
    if (!keys) return;
    setRestoreError(null);
    try {
      const box = await utils.tenantKeys.recoveryBox.fetch();
      recover.mutate({ sealedForMe: await recoverTenantKey(typedCode, box, keys) });
    } catch (err) {
      setRestoreError(
        err instanceof CryptoError ? "That recovery code does not open your organisation's key." : "Restoring failed.",
      );
    }
  }

  function download() {
    const text = `Faxport recovery code for your organisation\n\n${recoveryCode}\n\nKeep it offline. It restores access to your organisation's documents.\n`;
    const url = URL.createObjectURL(new Blob([text], { type: "text/plain" }));
    const link = document.createElement("a");
    link.href = url;
    link.download = "faxport-recovery-code.txt";
    link.click();
    URL.revokeObjectURL(url);
  }

  if (recoveryCode) {
    return (
      <Alert variant="success" className="mb-4" aria-label="Recovery code">
        <p className="font-medium">
          Your organisation's key is ready. Save this recovery code now: it is shown only once.
        </p>
        <p className="my-2 font-mono text-base" data-testid="recovery-code">
          {recoveryCode}
        </p>
        <p className="text-sm">
          It restores access to your organisation's documents if every admin loses their password.
        </p>
        <div className="mt-2 flex flex-wrap gap-2">
          <Button type="button" variant="outline" onClick={download}>
            Download
          </Button>
          <Button type="button" variant="outline" onClick={() => window.print()}>
            Print
          </Button>
          <Button type="button" onClick={() => setRecoveryCode(null)}>
            I have saved it
          </Button>
        </div>
      </Alert>
    );
  }
  if (error)
    return (
      <Alert variant="error" className="mb-4">
        {error}
      </Alert>
    );
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
  return (
    <Alert className="mb-4" data-testid="waiting-for-access">
      <p className="font-medium">Waiting for access</p>
      <p className="text-sm">
        {isTenantAdmin && !state.data.tenantPublicKey
          ? "You do not hold your organisation's key yet."
          : "You have new keys (your password was reset or set by an administrator, or you are a new organisation admin)."}{" "}
        Documents and reports from before stay closed to you until an organisation admin grants you access. Call one and
        read them your safety code; they grant only if it matches what their screen shows.
      </p>
      <p className="mt-1 text-sm">
        Your safety code:{" "}
        <span className="font-mono text-base font-medium" data-testid="my-safety-code">
          {myCode ?? "…"}
        </span>
      </p>
      {isTenantAdmin ? (
        <form onSubmit={restore} className="mt-2 grid gap-2 sm:flex sm:items-end sm:gap-3" aria-label="Restore access">
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
            />
          </div>
          <Button type="submit" disabled={recover.isPending}>
            Restore access
          </Button>
        </form>
      ) : null}
      {restoreError ? (
        <p role="alert" className="mt-2 text-sm text-red-700">
          {restoreError}
        </p>
      ) : null}
    </Alert>
  );
}
