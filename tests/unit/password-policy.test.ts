import { describe, expect, it } from "vitest";
import { DEFAULT_PASSWORD_POLICY, generatePassword, passwordProblems } from "@/lib/password-policy";

describe("password policy", () => {
  it("lists every unmet rule in plain words", () => {
    expect(passwordProblems("abc", { ...DEFAULT_PASSWORD_POLICY, minSpecial: 1 })).toEqual([
      "at least 10 characters",
      "1 upper-case letter",
      "1 digit",
      "1 special character",
    ]);
  });

  it("counts in words: one letter, two letters", () => {
    const strict = { ...DEFAULT_PASSWORD_POLICY, minUpper: 2, minLower: 2, minDigits: 2, minSpecial: 2 };
    expect(passwordProblems("Abcdefghijk1!", strict)).toEqual([
      "2 upper-case letters",
      "2 digits",
      "2 special characters",
    ]);
  });

  it("refuses passwords built from the person's name or username", () => {
    const problems = passwordProblems("Alice-Smith-2026", DEFAULT_PASSWORD_POLICY, { firstName: "Alice" });
    expect(problems).toContain("no part of your name, username or email");
  });

  it("says 'their name' to an admin who sets someone else's password", () => {
    const problems = passwordProblems("Alice-Smith-2026", DEFAULT_PASSWORD_POLICY, { firstName: "Alice" }, "them");
    expect(problems).toEqual(["no part of their name, username or email"]);
  });

  it("generates passwords that meet a strict policy", () => {
    const strict = { minLength: 16, minUpper: 1, minLower: 1, minDigits: 1, minSpecial: 1, excludePersonalInfo: false };
    for (let i = 0; i < 50; i++) expect(passwordProblems(generatePassword(16), strict)).toEqual([]);
  });
});
