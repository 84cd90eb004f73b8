"use client";
/** What a page needs to open documents: the person's unlocked keys and the organisation's copy for admins. */
import { useUnlockedKeys } from "@/components/keys/key-unlock";
import { trpc } from "@/components/providers/trpc";

export function useDocumentKeys() {
  const me = useUnlockedKeys();
  const tenant = trpc.tenantKeys.state.useQuery(undefined, { staleTime: 60_000 });
  const utils = trpc.useUtils();
  return {
    me,
    tenant: {
      tenantPublicKey: tenant.data?.tenantPublicKey ?? null,
      mySealedKey: tenant.data?.mySealedKey ?? null,
    },
    tenantReady: tenant.isSuccess,
    /** The organisation's copy, waiting for it if it has not loaded yet (a quick click). */
    loadTenant: async () => {
      const data = tenant.data ?? (await utils.tenantKeys.state.fetch());
      return { tenantPublicKey: data.tenantPublicKey ?? null, mySealedKey: data.mySealedKey ?? null };
    },
  };
}
