/** The app's functions, also driven by @inngest/test (the SDK's own test engine), give the same results. */
import { InngestTestEngine } from "@inngest/test";
import { describe, expect, it } from "vitest";
import { pruneAuthRecordsFunction } from "../../../inngest/functions/prune-auth-records";
import { getDb } from "../../../server/db/client";

describe("prune-auth-records under @inngest/test", () => {
  it("deletes old sign-in records in its steps and returns the counts", async () => {
    await getDb().loginAttempt.createMany({
      data: [
        { username: "old-one", ip: "1.1.1.1", success: false, createdAt: new Date(Date.now() - 48 * 3_600_000) },
        { username: "new-one", ip: "1.1.1.1", success: true },
      ],
    });
    const t = new InngestTestEngine({ function: pruneAuthRecordsFunction });
    const { result, ctx } = await t.execute();
    expect(result).toMatchObject({ loginAttempts: 1 });
    expect(ctx.step.run).toHaveBeenCalledWith("delete-old-sign-in-records", expect.any(Function));
    expect(await getDb().loginAttempt.findMany({ select: { username: true } })).toEqual([{ username: "new-one" }]);
  });

  it("passes on its step's result, as a mocked step shows", async () => {
    const t = new InngestTestEngine({ function: pruneAuthRecordsFunction });
    const { result } = await t.execute({
      steps: [{ id: "delete-old-sign-in-records", handler: () => ({ loginAttempts: 7, sessions: 0 }) }],
    });
    expect(result).toEqual({ loginAttempts: 7, sessions: 0 });
  });
});
