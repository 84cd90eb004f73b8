"use client";
/**
 * For organisation admins: people waiting for access (fresh keys after a reset or an admin-set
 * password, or an admin without a copy of the organisation key), each with who created them, how they
 * came to wait and Grant. Before Grant the admin types the safety code the person reads out from their
 * own screen: both are computed from the person's new public key, so a key put on their account by
 * someone else does not match. Granting happens in this browser: the admin opens the organisation key
 * with their own key pair and seals it to the person's new public key (for admins), and opens each of
 * the person's document and report keys through the organisation's copy to seal it to that new key too.
 */
import { useEffect, useState } from "react";
import { useUnlockedKeys } from "@/components/keys/key-unlock";
import { UnlockDocuments } from "@/components/keys/unlock-documents";
import { trpc } from "@/components/providers/trpc";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { DateTime } from "@/components/ui/date-time";
import { Input } from "@/components/ui/input";
import { openMyTenantKey, sealTenantKeyTo } from "@/lib/auth/tenant-access";
import { regrantDocumentKey } from "@/lib/crypto/document-key";
import { fromBase64, toBase64 } from "@/lib/crypto/encoding";
import { safetyCode, sameSafetyCode } from "@/lib/crypto/safety-code";

type Waiting = {
  id: string;
  username: string;
  firstName: string;
  lastName: string;
  role: string;
  publicKey: string;
  createdAt: Date | string;
  createdBy: { name: string; platformAdmin: boolean } | null;
  origin:
    | { kind: "self-reset"; at: Date | string }
    | { kind: "set-by-admin"; at: Date | string; by: string }
    | { kind: "new-admin" };
};

export function WaitingForAccess() {
  const keys = useUnlockedKeys();
  const utils = trpc.useUtils();
  const waiting = trpc.tenantKeys.waiting.useQuery();
  const state = trpc.tenantKeys.state.useQuery();
  const grant = trpc.tenantKeys.grant.useMutation({ onSuccess: () => utils.tenantKeys.waiting.invalidate() });
  const [error, setError] = useState<string | null>(null);
  const [done, setDone] = useState<string | null>(null);

  if (!waiting.data?.length)
    return done ? (
      <Alert variant="success" className="mb-4">
        {done}
      </Alert>
    ) : null;

  async function grantTo(person: Waiting) {
    setError(null);
    setDone(null);
    if (!keys) return setError("Enter your password first (above the list) to grant access.");
    const copy = state.data;
    if (!copy?.tenantPublicKey || !copy.mySealedKey) return setError("You are waiting for access yourself.");
    try {
      const tenant = await openMyTenantKey(
        { tenantPublicKey: copy.tenantPublicKey, sealedKey: copy.mySealedKey },
        keys,
      );
      const sealedKey = person.role === "TENANT_ADMIN" ? await sealTenantKeyTo(tenant, person.publicKey) : undefined;
      const theirs = await fromBase64(person.publicKey);
      const items = await utils.tenantKeys.documentsToRegrant.fetch({ userId: person.id }, { staleTime: 0 });
      const documentKeys = [];
      const reportKeys = [];
      for (const item of items) {
        const sealed = await toBase64(await regrantDocumentKey(await fromBase64(item.tenantSealedKey), tenant, theirs));
        if (item.kind === "report") reportKeys.push({ faxJobId: item.id, sealedKey: sealed });
        else documentKeys.push({ documentId: item.id, sealedKey: sealed });
      }
      tenant.privateKey.fill(0);
      await grant.mutateAsync({
        userId: person.id,
        forPublicKey: person.publicKey,
        sealedKey,
        documentKeys,
        reportKeys,
      });
      setDone(`Access granted to ${person.username}. Every organisation admin is told by email.`);
    } catch (err) {
      setError(err instanceof Error ? err.message : "Granting failed.");
    }
  }

  return (
    <section aria-labelledby="waiting-title" className="mb-6 rounded-md border p-4">
      <h2 id="waiting-title" className="font-semibold">
        Waiting for access
      </h2>
      <p className="mb-2 text-sm text-muted-foreground">
        These people have new keys after a password reset or an admin-set password, or are new organisation admins.
        Before you grant, call the person and have them read the safety code shown on their screen: grant only if it
        matches, as a different code means someone else chose their keys.
      </p>
      <UnlockDocuments why="Enter your password to grant access: granting opens your organisation's key in this browser." />
      {error ? (
        <Alert variant="error" className="mb-2">
          {error}
        </Alert>
      ) : null}
      <ul className="grid gap-3">
        {waiting.data.map((p) => (
          <WaitingPerson
            key={`${p.id}:${p.publicKey}`}
            person={p}
            pending={grant.isPending}
            onGrant={() => grantTo(p)}
          />
        ))}
      </ul>
    </section>
  );
}

function WaitingPerson({ person, pending, onGrant }: { person: Waiting; pending: boolean; onGrant: () => void }) {
  const [code, setCode] = useState<string | null>(null);
  const [typed, setTyped] = useState("");
  useEffect(() => {
    let live = true;
    void safetyCode(person.publicKey).then((c) => live && setCode(c));
    return () => {
      live = false;
    };
  }, [person.publicKey]);
  const name = `${person.firstName} ${person.lastName}`.trim();
  const matches = code !== null && sameSafetyCode(typed, code);
  const inputId = `safety-${person.id}`;
  return (
    <li className="grid gap-2 rounded-md border p-3" data-testid="waiting-person">
      <div>
        <span className="font-medium">{person.username}</span>
        {name ? ` (${name})` : ""}
        {person.role === "TENANT_ADMIN" ? " · organisation admin" : ""}
      </div>
      <dl className="grid gap-1 text-sm sm:grid-cols-[auto_1fr] sm:gap-x-3">
        <dt className="text-muted-foreground">Created by</dt>
        <dd data-testid="created-by">
          {person.createdBy
            ? `${person.createdBy.name}${person.createdBy.platformAdmin ? " (platform admin)" : ""}`
            : "unknown"}
          , <DateTime value={person.createdAt} />
        </dd>
        <dt className="text-muted-foreground">Why waiting</dt>
        <dd data-testid="waiting-origin">
          <Origin origin={person.origin} />
        </dd>
      </dl>
      <div className="grid gap-2 sm:flex sm:items-end sm:gap-3">
        <div className="grid flex-1 gap-1">
          <label htmlFor={inputId} className="text-sm font-medium">
            Safety code {person.username} reads to you
          </label>
          <Input
            id={inputId}
            value={typed}
            onChange={(e) => setTyped(e.target.value)}
            inputMode="numeric"
            autoComplete="off"
            spellCheck={false}
            className="max-w-48 font-mono"
            aria-describedby={`${inputId}-hint`}
          />
          <p id={`${inputId}-hint`} className="text-xs text-muted-foreground" aria-live="polite">
            {typed.trim() === ""
              ? "Eight digits, from their Waiting for access notice."
              : matches
                ? "The code matches."
                : "Not their code yet. Do not grant if it does not match."}
          </p>
        </div>
        <Button
          type="button"
          size="sm"
          disabled={pending || !matches}
          onClick={onGrant}
          aria-label={`Grant access to ${person.username}`}
        >
          Grant
        </Button>
      </div>
    </li>
  );
}

function Origin({ origin }: { origin: Waiting["origin"] }) {
  if (origin.kind === "self-reset")
    return (
      <>
        They reset their own password with an emailed link, <DateTime value={origin.at} />
      </>
    );
  if (origin.kind === "set-by-admin")
    return (
      <>
        {origin.by} set their password, <DateTime value={origin.at} />
      </>
    );
  return <>New organisation admin: they do not hold the organisation key yet</>;
}
