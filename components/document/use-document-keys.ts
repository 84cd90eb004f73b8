"use client";
/** What a page needs to open documents: the person's unlocked keys and the organisation's copy for admins. */
import { useUnlockedKeys } from "@/components/keys/key-unlock";
import { trpc } from "@/components/providers/trpc";

export function useDocumentKeys() {
  const me = useUnlockedKeys();
  const tenant = trpc.tenantKeys.state.useQuery(undefined, { staleTime: 60_000 });
  return {
    me,
    tenant: {
      tenantPublicKey: tenant.data?.tenantPublicKey ?? null,
      mySealedKey: tenant.data?.mySealedKey ?? null,
    },
    tenantReady: tenant.isSuccess,
  };
}
