import { describe, expect, it } from "vitest";
import { failure } from "@/lib/core/failure";
import { fail, failed, statusOf } from "./errors";

// Issue 13 §2: a failure's kind becomes an HTTP status in this one place, and the browser
// always gets {"error": message} (apiFetch in lib/query shows that message).
describe("fail", () => {
  it("maps each kind to its status", () => {
    expect(
      (
        [
          "invalid",
          "unauthorized",
          "forbidden",
          "not-found",
          "conflict",
          "too-many",
          "upstream",
        ] as const
      ).map((k) => [k, statusOf(k)]),
    ).toEqual([
      ["invalid", 400],
      ["unauthorized", 401],
      ["forbidden", 403],
      ["not-found", 404],
      ["conflict", 409],
      ["too-many", 429],
      ["upstream", 502],
    ]);
  });

  it("answers the message as JSON with the kind's status", async () => {
    const res = fail("conflict", "example.com is already on the list.");
    expect(res.status).toBe(409);
    expect(res.headers.get("content-type")).toMatch(/^application\/json/);
    expect(await res.json()).toEqual({ error: "example.com is already on the list." });
    const again = failed(failure("not-found", "No such domain."));
    expect([again.status, await again.json()]).toEqual([404, { error: "No such domain." }]);
  });
});
