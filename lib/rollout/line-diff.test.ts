import { describe, expect, it } from "vitest";
import { bodyLines, diffText, lineDiff } from "./line-diff";

describe("line diff of policy bodies", () => {
  it("shows changed lines in order", () => {
    const a = "version: STSv1\r\nmode: testing\r\nmx: a.example\r\nmax_age: 86400\r\n";
    const b =
      "version: STSv1\r\nmode: enforce\r\nmx: a.example\r\nmx: b.example\r\nmax_age: 86400\r\n";
    expect(diffText(lineDiff(a, b))).toBe(
      [
        "  version: STSv1",
        "- mode: testing",
        "+ mode: enforce",
        "  mx: a.example",
        "+ mx: b.example",
        "  max_age: 86400",
      ].join("\n"),
    );
    expect(lineDiff(a, a).every((l) => l.kind === "same")).toBe(true);
  });
  it("makes line-ending differences visible", () => {
    expect(bodyLines("a\r\nb\nc")).toEqual(["a", "b⏎(LF only)", "c⏎(no line ending)"]);
    expect(diffText(lineDiff("a\r\n", "a\n"))).toBe("- a\n+ a⏎(LF only)");
  });
});
