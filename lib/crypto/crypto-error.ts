/**
 * One error type for every way the envelope refuses: wrong key, changed or cut-short data, an unknown
 * format version. The message is safe to show a person; `reason` lets code branch without parsing text.
 */
export type CryptoErrorReason = "wrong-key-or-tampered" | "truncated" | "trailing-data" | "bad-format" | "bad-input";

export class CryptoError extends Error {
  readonly reason: CryptoErrorReason;
  constructor(reason: CryptoErrorReason, message: string) {
    super(message);
    this.name = "CryptoError";
    this.reason = reason;
  }
}
