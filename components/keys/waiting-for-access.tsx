"use client";
/**
 * For organisation admins: people waiting for access (fresh keys after a reset or an admin-set
 * password, or an admin without a copy of the organisation key), each with Grant. Granting happens in
 * this browser: the admin opens the organisation key with their own key pair and seals it to the
 * person's new public key (for admins), and opens each of the person's document keys through the
 * organisation's copy to seal it to that new key too.
 */
import { useState } from "react";
import { useUnlockedKeys } from "@/components/keys/key-unlock";
import { trpc } from "@/components/providers/trpc";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { openMyTenantKey, sealTenantKeyTo } from "@/lib/auth/tenant-access";
import { regrantDocumentKey } from "@/lib/crypto/document-key";
import { fromBase64, toBase64 } from "@/lib/crypto/encoding";

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

  async function grantTo(person: { id: string; username: string; role: string; publicKey: string }) {
    setError(null);
    setDone(null);
    if (!keys) return setError("Unlock your keys first (enter your password above).");
    const copy = state.data;
    if (!copy?.tenantPublicKey || !copy.mySealedKey) return setError("You are waiting for access yourself.");
    try {
      const tenant = await openMyTenantKey(
        { tenantPublicKey: copy.tenantPublicKey, sealedKey: copy.mySealedKey },
        keys,
      );
      const sealedKey = person.role === "TENANT_ADMIN" ? await sealTenantKeyTo(tenant, person.publicKey) : undefined;
      const theirs = await fromBase64(person.publicKey);
      const documents = await utils.tenantKeys.documentsToRegrant.fetch({ userId: person.id }, { staleTime: 0 });
      const documentKeys = [];
      for (const d of documents) {
        const sealed = await regrantDocumentKey(await fromBase64(d.tenantSealedKey), tenant, theirs);
        documentKeys.push({ documentId: d.id, sealedKey: await toBase64(sealed) });
      }
      tenant.privateKey.fill(0);
      await grant.mutateAsync({ userId: person.id, forPublicKey: person.publicKey, sealedKey, documentKeys });
      setDone(`Access granted to ${person.username}.`);
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
        These people have new keys after a password reset or an admin-set password. Grant re-seals what they had to
        their new key.
      </p>
      {error ? (
        <Alert variant="error" className="mb-2">
          {error}
        </Alert>
      ) : null}
      <ul className="grid gap-2">
        {waiting.data.map((p) => (
          <li key={p.id} className="flex items-center justify-between gap-2" data-testid="waiting-person">
            <span>
              {p.username}
              {p.firstName || p.lastName ? ` (${`${p.firstName} ${p.lastName}`.trim()})` : ""}
            </span>
            <Button
              type="button"
              size="sm"
              disabled={grant.isPending}
              onClick={() => grantTo(p)}
              aria-label={`Grant access to ${p.username}`}
            >
              Grant
            </Button>
          </li>
        ))}
      </ul>
    </section>
  );
}
