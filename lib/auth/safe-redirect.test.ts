import { describe, expect, it } from "vitest";
import { safeCallbackPath } from "./safe-redirect";

const ORIGIN = "http://127.0.0.1:3000";

describe("safeCallbackPath: only same-origin paths are followed after sign-in", () => {
  it.each([
    ["/\\evil.example", "/domains"],
    ["/\t/evil.example", "/domains"],
    ["//evil.example", "/domains"],
    ["https://evil.example", "/domains"],
    ["https://evil.example/domains", "/domains"],
    ["http://127.0.0.1:3000.evil.example/x", "/domains"],
    ["http://127.0.0.1:3000@evil.example/x", "/domains"],
    ["http://127.0.0.1:3001/users", "/domains"],
    ["https://127.0.0.1:3000/users", "/domains"],
    ["/\n/evil.example", "/domains"],
    ["/\r\n/evil.example", "/domains"],
    ["/%5Cevil.example", "/%5Cevil.example"],
    ["javascript:alert(1)", "/domains"],
    ["data:text/html,x", "/domains"],
    ["evil.example", "/domains"],
    ["domains", "/domains"],
    ["", "/domains"],
    [null, "/domains"],
    [undefined, "/domains"],
    ["/", "/"],
    ["/sign-in?callbackUrl=//evil.example", "/sign-in?callbackUrl=//evil.example"],
    ["/domains/example.com", "/domains/example.com"],
    ["/domains/example.com?tab=reports#chart", "/domains/example.com?tab=reports#chart"],
    ["/users", "/users"],
    ["http://127.0.0.1:3000/users?x=1", "/users?x=1"],
    ["http://127.0.0.1:3000", "/"],
    ["/a/../users", "/users"],
  ])("%j -> %s", (raw, expected) => {
    expect(safeCallbackPath(raw, ORIGIN)).toBe(expected);
  });

  it("an unparsable origin sends everything to the domain list", () => {
    expect(safeCallbackPath("/users", "not a url")).toBe("/domains");
  });
});
