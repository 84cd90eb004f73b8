import { describe, expect, it } from "vitest";
import { fromServer, isAbout, unplacedMessages } from "@/components/ui/form-errors";

const trpcError = (message: string, fieldErrors: Record<string, string> | null) =>
  Object.assign(new Error(message), { data: { fieldErrors } });

describe("a server refusal in a form", () => {
  it("goes to the field it names, renamed for the form (the tenant's admin password)", () => {
    const error = trpcError("Password needs 1 digit.", { password: "Password needs 1 digit." });
    expect(fromServer(error, { password: "admin.password" })).toEqual({
      errors: { "admin.password": "Password needs 1 digit." },
      message: null,
    });
  });

  it("about no field becomes the form's message", () => {
    expect(fromServer(trpcError("Tenant not found.", null))).toEqual({ errors: {}, message: "Tenant not found." });
  });

  it("is nothing when there is no error", () => {
    expect(fromServer(null)).toEqual({ errors: {}, message: null });
  });
});

describe("messages no field on screen shows", () => {
  it("include errors about fields the form does not show, once each", () => {
    const errors = { name: "Company name is required", "domains.0": "Not a host name", tenantId: "Choose a tenant." };
    expect(unplacedMessages(errors, "Choose a tenant.", ["name", "domains"])).toEqual(["Choose a tenant."]);
  });

  it("are none when every error has its field", () => {
    expect(unplacedMessages({ "domains.1": "Not a host name" }, null, ["domains"])).toEqual([]);
  });
});

it("a part of a field is about that field, a longer name is not", () => {
  expect(isAbout("domains.0", "domains")).toBe(true);
  expect(isAbout("admin.password", "admin.password")).toBe(true);
  expect(isAbout("domainsExtra", "domains")).toBe(false);
});
