import { describe, expect, it } from "vitest";
import { badRequest, notFound, tooManyRequests } from "../../server/errors";
import { handleRoute } from "../../server/http/domain-error-response";

describe("the HTTP edge for domain errors", () => {
  it("answers a domain error with its status, message and field", async () => {
    const route = handleRoute(async () => {
      throw badRequest("Enter a fax number in international format.", "to");
    });
    const res = await route();
    expect(res.status).toBe(400);
    expect(await res.json()).toEqual({
      error: { code: "BAD_REQUEST", message: "Enter a fax number in international format.", field: "to" },
    });
  });

  it("maps each code to its HTTP status", async () => {
    expect((await handleRoute(async () => Promise.reject(notFound("Fax")))()).status).toBe(404);
    expect((await handleRoute(async () => Promise.reject(tooManyRequests("Slow down.")))()).status).toBe(429);
  });

  it("hides the details of an unexpected failure", async () => {
    const quiet = console.error;
    console.error = () => {};
    try {
      const res = await handleRoute(async () => {
        throw new Error("connection to 10.0.0.5:5432 refused, password=hunter2");
      })();
      expect(res.status).toBe(500);
      expect(JSON.stringify(await res.json())).not.toMatch(/10\.0\.0\.5|hunter2/);
    } finally {
      console.error = quiet;
    }
  });

  it("passes a successful answer through untouched", async () => {
    const res = await handleRoute(async (n: number) => Response.json({ n }))(7);
    expect(await res.json()).toEqual({ n: 7 });
  });
});
