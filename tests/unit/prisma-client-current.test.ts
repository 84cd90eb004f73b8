/**
 * `npm start` skips `prisma generate` when the client was made from the current schema. The copy
 * Prisma keeps beside the client is reformatted, so a byte-for-byte comparison never matched and
 * every start (and each end-to-end and durability run) generated the client again.
 */
import { describe, expect, it } from "vitest";
import { clientIsCurrent } from "../../scripts/prisma";

describe("clientIsCurrent", () => {
  it("is true for the client npm test generated before this suite (from the current schema)", () => {
    expect(clientIsCurrent()).toBe(true);
  });
});
