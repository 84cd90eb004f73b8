/**
 * A trunk save's notice, with what FreeSWITCH made of it when the trunk is one of its gateways: a
 * FreeSWITCH that did not take the change is a warning shown as an error (the save itself stands).
 */
export type TrunkSaved = { notice: string; warning: string | null };

export function withGatewaySync(notice: string, sync: { ok: boolean; message: string } | null): TrunkSaved {
  if (!sync) return { notice, warning: null };
  return sync.ok ? { notice: `${notice} ${sync.message}`, warning: null } : { notice, warning: sync.message };
}
