/**
 * Keeps FreeSWITCH's sofia gateways in step with the trunk list: a FreeSWITCH trunk that is saved
 * active is (re)written and reloaded, one deleted, switched off or moved to another driver is
 * removed. Placing a call dials `sofia/gateway/<trunk>`, so without this a new trunk could not dial.
 *
 * Runs after the trunk's transaction has committed: the database stays the source of truth, and a
 * FreeSWITCH that cannot be reached does not undo the save. Instead the save answers with a warning
 * the trunk form shows (and the log keeps); saving the trunk again retries.
 */
import { sendFaxRuntime } from "../fax/send-fax-runtime";
import type { GatewayTrunk } from "../gateway/types";

export type GatewaySync = { ok: boolean; message: string };

type SyncedTrunk = Omit<GatewayTrunk, "sipPassword"> & { active: boolean };

export async function syncTrunkGateway(opts: {
  before: Pick<SyncedTrunk, "id" | "driver"> | null;
  after: SyncedTrunk | null;
  /** The SIP password in plain text, for the gateway file only. */
  sipPassword: () => string | null;
}): Promise<GatewaySync | null> {
  const { before, after } = opts;
  const wanted = after?.driver === "FREESWITCH" && after.active ? after : null;
  const known = before?.driver === "FREESWITCH" || after?.driver === "FREESWITCH";
  if (!known) return null;
  const freeswitch = sendFaxRuntime().gateways.freeswitch();
  if (!freeswitch) {
    return { ok: false, message: "FreeSWITCH is not configured on this installation, so it was not told." };
  }
  const name = (after ?? before)!.id;
  try {
    if (wanted) {
      await freeswitch.syncTrunk({ ...wanted, sipPassword: wanted.ipAuth ? null : opts.sipPassword() });
      return { ok: true, message: "FreeSWITCH loaded the trunk." };
    }
    await freeswitch.removeTrunk({ id: name });
    return { ok: true, message: "FreeSWITCH removed the trunk." };
  } catch (error) {
    console.error(`FreeSWITCH trunk sync failed for trunk ${name}:`, error);
    const retry = after ? "save the trunk again" : "run `sofia profile <profile> killgw` for it";
    return {
      ok: false,
      message: `Saved here, but FreeSWITCH did not take the change (${(error as Error).message}). Once FreeSWITCH is reachable, ${retry}.`,
    };
  }
}
