import { describe, expect, it } from "vitest";
import { faxSendSchema } from "@/lib/schemas/fax";

const base = { destinations: ["+13125550123"], gatewaySealedKey: "x" };

describe("the New fax form's rules", () => {
  it("asks for a document when none is chosen, in words a person understands", () => {
    const result = faxSendSchema.safeParse({ ...base, documentId: "" });
    expect(result.success).toBe(false);
    expect(result.error?.issues.find((i) => i.path[0] === "documentId")?.message).toBe("Choose a document to fax");
  });

  it("still refuses a made-up document id", () => {
    const result = faxSendSchema.safeParse({ ...base, documentId: "not-an-id" });
    expect(result.error?.issues.find((i) => i.path[0] === "documentId")?.message).toBe("Not a valid id");
  });
});
