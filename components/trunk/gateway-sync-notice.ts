/** A trunk save's notice, with what FreeSWITCH made of it when the trunk is one of its gateways. */
export function withGatewaySync(notice: string, sync: { ok: boolean; message: string } | null): string {
  if (!sync) return notice;
  return sync.ok ? `${notice} ${sync.message}` : `${notice} Warning: ${sync.message}`;
}
