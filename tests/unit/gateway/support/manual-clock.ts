/** A clock the test moves: sleeps resolve only when `advance` passes their deadline. */
import { abortError, type Clock } from "@/server/gateway/clock";

type Sleeper = { at: number; resolve: () => void };

export class ManualClock implements Clock {
  private t = 1_000_000;
  private sleepers: Sleeper[] = [];

  now(): number {
    return this.t;
  }

  sleep(ms: number, signal?: AbortSignal): Promise<void> {
    if (signal?.aborted) return Promise.reject(abortError());
    if (ms <= 0) return Promise.resolve();
    return new Promise((resolve, reject) => {
      const sleeper: Sleeper = { at: this.t + ms, resolve };
      this.sleepers.push(sleeper);
      signal?.addEventListener(
        "abort",
        () => {
          this.sleepers = this.sleepers.filter((s) => s !== sleeper);
          reject(abortError());
        },
        { once: true },
      );
    });
  }

  get pending(): number {
    return this.sleepers.length;
  }

  /** Waits (in real time) until `count` sleeps are pending: the code under test reached its waits. */
  async waitForSleepers(count = 1): Promise<void> {
    for (let i = 0; this.sleepers.length < count; i++) {
      if (i > 2_000) throw new Error(`Expected ${count} pending sleeps, have ${this.sleepers.length}`);
      await new Promise((r) => setTimeout(r, 2));
    }
  }

  /** Moves time forward by `ms`, waking sleepers in deadline order. */
  async advance(ms: number): Promise<void> {
    const end = this.t + ms;
    for (;;) {
      await settleIo();
      const next = this.sleepers.filter((s) => s.at <= end).sort((a, b) => a.at - b.at)[0];
      if (!next) break;
      this.sleepers = this.sleepers.filter((s) => s !== next);
      this.t = next.at;
      next.resolve();
    }
    this.t = end;
    await settleIo();
  }

  /** Runs time forward until `promise` settles (also waiting for real I/O such as the fax engine). */
  async run<T>(promise: Promise<T>): Promise<T> {
    let done = false;
    promise.then(
      () => {
        done = true;
      },
      () => {
        done = true;
      },
    );
    for (let guard = 0; !done && guard < 100_000; guard++) {
      await settleIo();
      if (done) break;
      const next = [...this.sleepers].sort((a, b) => a.at - b.at)[0];
      if (next) await this.advance(next.at - this.t);
      else await new Promise((r) => setTimeout(r, 2));
    }
    return promise;
  }
}

const settleIo = () => new Promise<void>((r) => setImmediate(r));
