"use client";
/**
 * The organisation's recovery code, as a step of its own. The code and the organisation key are made
 * here, in the browser; the server receives only the key sealed to the code. The admin saves the code
 * (print, download), then types its last group back to show they have it; until then leaving the page
 * warns, and every portal page leads back here. The code is never kept: a reload before confirming
 * makes a new one (the one shown before stops working) and says so.
 * Also where an admin holding the key makes a new code later (?new=1), which ends the old one.
 */
import Link from "next/link";
import { useRouter } from "next/navigation";
import { useEffect, useRef, useState } from "react";
import { trpc } from "@/components/providers/trpc";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { Input } from "@/components/ui/input";
import { makeTenantKeys, newRecoveryCode, openMyTenantKey } from "@/lib/auth/tenant-access";
import { recoveryCodeFileName, recoveryCodeText } from "@/lib/keys/recovery-code-sheet";
import { useUnlockedKeys } from "./key-unlock";
import { UnlockDocuments } from "./unlock-documents";

type Organisation = { name: string; slug: string };

export function RecoveryCodeStep({
  organisation,
  askedForNewCode,
}: {
  organisation: Organisation;
  askedForNewCode: boolean;
}) {
  const keys = useUnlockedKeys();
  const utils = trpc.useUtils();
  const state = trpc.tenantKeys.state.useQuery(undefined, { staleTime: 0, refetchOnWindowFocus: false });
  const setUp = trpc.tenantKeys.setUp.useMutation();
  const replace = trpc.tenantKeys.replaceRecoveryCode.useMutation();
  const [code, setCode] = useState<{ value: string; madeAt: Date; replacedOnReload: boolean } | null>(null);
  const [error, setError] = useState<string | null>(null);
  const started = useRef(false);
  const s = state.data;

  async function makeCode(replacedOnReload: boolean) {
    if (!keys || !s) return;
    setError(null);
    try {
      if (s.canSetUp) {
        const { recoveryCode, ...stored } = await makeTenantKeys(keys);
        await setUp.mutateAsync(stored);
        setCode({ value: recoveryCode, madeAt: new Date(), replacedOnReload: false });
      } else {
        if (!s.tenantPublicKey || !s.mySealedKey) throw new Error("no copy");
        const tenant = await openMyTenantKey({ tenantPublicKey: s.tenantPublicKey, sealedKey: s.mySealedKey }, keys);
        const made = await newRecoveryCode(tenant);
        tenant.privateKey.fill(0);
        await replace.mutateAsync({ recoverySealedKey: made.recoverySealedKey });
        setCode({ value: made.recoveryCode, madeAt: new Date(), replacedOnReload });
      }
    } catch {
      started.current = false;
      setError("The recovery code could not be made. Check your connection and try again.");
    }
  }

  // Due (first set-up, or a code shown before a reload and not confirmed): made at once.
  // biome-ignore lint/correctness/useExhaustiveDependencies: once the keys and the state are there
  useEffect(() => {
    if (!keys || !s || code || started.current || !s.recoveryStepDue) return;
    started.current = true;
    void makeCode(!s.canSetUp);
  }, [keys, s, code]);

  return (
    <div className="grid gap-4">
      <div className="print:hidden">
        <h1 className="text-2xl font-semibold">Recovery code for {organisation.name}</h1>
        <p className="mt-1 text-sm text-muted-foreground">
          {organisation.name}'s documents are encrypted so that only your organisation can read them. If every
          organisation admin forgot their password, this code is the only way back in. Nobody else keeps a copy — not
          your provider, not this portal.
        </p>
      </div>
      {!keys ? (
        <UnlockDocuments why="Enter your password to make your organisation's recovery code." />
      ) : error ? (
        <Alert variant="error">
          {error}{" "}
          <Button type="button" variant="outline" size="sm" onClick={() => void makeCode(false)}>
            Try again
          </Button>
        </Alert>
      ) : code ? (
        <CodeSheet organisation={organisation} code={code} />
      ) : !s ? (
        <p className="text-sm text-muted-foreground">Loading…</p>
      ) : s.recoveryStepDue ? (
        <p className="text-sm text-muted-foreground" role="status">
          Making your recovery code…
        </p>
      ) : s.mySealedKey ? (
        <NewCodeOffer asked={askedForNewCode} pending={replace.isPending} onMake={() => void makeCode(false)} />
      ) : (
        <Alert>
          You do not hold your organisation's key, so you cannot make a recovery code.{" "}
          <Link href="/dashboard" className="text-primary hover:underline">
            Back to the dashboard
          </Link>
        </Alert>
      )}
      {code ? null : (
        <p className="text-sm print:hidden">
          {s && !s.recoveryStepDue ? (
            <Link href="/dashboard" className="text-primary hover:underline" onClick={() => utils.invalidate()}>
              Back to the dashboard
            </Link>
          ) : null}
        </p>
      )}
    </div>
  );
}

function NewCodeOffer({ asked, pending, onMake }: { asked: boolean; pending: boolean; onMake: () => void }) {
  return (
    <section aria-labelledby="new-code-title" className="grid gap-2 rounded-md border p-4">
      <h2 id="new-code-title" className="font-semibold">
        Make a new recovery code
      </h2>
      <p className="text-sm">
        {asked ? "Lost the code, or someone who should not have it saw it? " : ""}A new code replaces the current one at
        once: the old code stops working, and every other organisation admin is told by email.
      </p>
      <div>
        <Button type="button" onClick={onMake} disabled={pending}>
          {pending ? "Making it…" : "Make a new recovery code"}
        </Button>
      </div>
    </section>
  );
}

function CodeSheet({
  organisation,
  code,
}: {
  organisation: Organisation;
  code: { value: string; madeAt: Date; replacedOnReload: boolean };
}) {
  const router = useRouter();
  const utils = trpc.useUtils();
  const confirm = trpc.tenantKeys.confirmRecoveryCode.useMutation();
  const [typed, setTyped] = useState("");
  const [fieldError, setFieldError] = useState<string | null>(null);
  const [confirmed, setConfirmed] = useState(false);
  const lastGroup = code.value.split("-").at(-1)!;

  // Leaving before confirming loses the code: the browser asks first.
  useEffect(() => {
    if (confirmed) return;
    const warn = (e: BeforeUnloadEvent) => {
      e.preventDefault();
      e.returnValue = "";
    };
    window.addEventListener("beforeunload", warn);
    return () => window.removeEventListener("beforeunload", warn);
  }, [confirmed]);

  function download() {
    const url = URL.createObjectURL(
      new Blob([recoveryCodeText(organisation.name, code.value, code.madeAt)], { type: "text/plain" }),
    );
    const link = document.createElement("a");
    link.href = url;
    link.download = recoveryCodeFileName(organisation.slug, code.madeAt);
    link.click();
    setTimeout(() => URL.revokeObjectURL(url), 10_000);
  }

  async function submit(e: React.FormEvent) {
    e.preventDefault();
    const cleaned = typed.trim().toUpperCase();
    if (!cleaned) return setFieldError("Type the last four characters of the code.");
    if (cleaned !== lastGroup) {
      return setFieldError("That is not the end of the code above. Check the code you saved and try again.");
    }
    setFieldError(null);
    try {
      await confirm.mutateAsync();
      setConfirmed(true);
      await utils.tenantKeys.state.invalidate();
      router.push("/dashboard");
    } catch {
      setFieldError("That did not go through. Check your connection and try again.");
    }
  }

  return (
    <>
      {code.replacedOnReload ? (
        <Alert className="print:hidden" data-testid="code-replaced-on-reload">
          The page was reloaded before you confirmed the code, so for safety this is a new one. The code shown before no
          longer works: throw away any copy of it.
        </Alert>
      ) : null}
      <section
        aria-labelledby="sheet-title"
        className="grid gap-3 rounded-md border-2 border-dashed p-4 print:border-black"
        data-testid="recovery-sheet"
      >
        <h2 id="sheet-title" className="text-lg font-semibold">
          {organisation.name} — recovery code
        </h2>
        <p className="text-sm">Made on {code.madeAt.toLocaleDateString(undefined, { dateStyle: "long" })}</p>
        <p className="break-words font-mono text-xl font-semibold tracking-wide" data-testid="recovery-code">
          {code.value}
        </p>
        <ul className="list-disc pl-5 text-sm">
          <li>
            It restores access to {organisation.name}'s documents if every organisation admin loses their password.
          </li>
          <li>
            Keep it offline, somewhere safe, like a spare key. Anyone with it and an admin account can open the
            documents.
          </li>
          <li>It is shown only now. An organisation admin can make a new one later; the old one then stops working.</li>
        </ul>
      </section>
      <div className="flex flex-wrap gap-2 print:hidden">
        <Button type="button" variant="outline" onClick={() => window.print()}>
          Print
        </Button>
        <Button type="button" variant="outline" onClick={download}>
          Download
        </Button>
      </div>
      <form onSubmit={submit} className="grid gap-2 rounded-md border p-4 print:hidden" noValidate>
        <h2 className="font-semibold">Confirm you saved it</h2>
        <div className="grid gap-1">
          <label htmlFor="confirm-code" className="text-sm font-medium">
            Last four characters of the code
          </label>
          <Input
            id="confirm-code"
            value={typed}
            onChange={(e) => setTyped(e.target.value)}
            autoComplete="off"
            spellCheck={false}
            maxLength={9}
            className="max-w-40 font-mono uppercase"
            aria-invalid={!!fieldError}
            aria-describedby={fieldError ? "confirm-code-error confirm-code-hint" : "confirm-code-hint"}
          />
          <p id="confirm-code-hint" className="text-xs text-muted-foreground">
            From your printed or saved copy, after the last dash.
          </p>
          {fieldError ? (
            <p id="confirm-code-error" role="alert" className="text-sm text-red-700">
              {fieldError}
            </p>
          ) : null}
        </div>
        <div>
          <Button type="submit" disabled={confirm.isPending || confirmed}>
            Continue
          </Button>
        </div>
      </form>
    </>
  );
}
