/**
 * A trunk's limits as the loopback network enforces them: at most `maxChannels` calls at once and
 * `maxCallsPerMinute` call starts in any 60 s window (measured on the injected clock).
 */
import type { Clock } from "../clock";

export type CapacityLimits = { maxChannels: number; maxCallsPerMinute: number };

export class TrunkCapacity {
  private active = 0;
  private starts: number[] = [];

  constructor(private readonly clock: Clock) {}

  /** Takes a channel, or says which limit stops the call. */
  acquire(limits: CapacityLimits): { ok: true; release: () => void } | { ok: false; reason: string } {
    const now = this.clock.now();
    this.starts = this.starts.filter((t) => now - t < 60_000);
    if (this.active >= limits.maxChannels) {
      return { ok: false, reason: `All ${limits.maxChannels} channels of the trunk are in use` };
    }
    if (this.starts.length >= limits.maxCallsPerMinute) {
      return { ok: false, reason: `The trunk allows ${limits.maxCallsPerMinute} calls per minute` };
    }
    this.active++;
    this.starts.push(now);
    let released = false;
    return {
      ok: true,
      release: () => {
        if (released) return;
        released = true;
        this.active--;
      },
    };
  }

  get activeCalls(): number {
    return this.active;
  }
}
