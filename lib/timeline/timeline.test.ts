import { describe, expect, it } from "vitest";
import { removalEntry } from "./removal";
import { silenceEntries } from "./silence";
import { cursorOf, pageOf, parseCursor, type TimelineEntry } from "./types";

const entry = (key: string, at: string): TimelineEntry => ({
  key,
  at,
  kind: "check",
  ref: null,
  severity: "ok",
  title: key,
  detail: "",
});

describe("timeline paging", () => {
  const all = [
    entry("check:a", "2026-11-30T10:00:00.000Z"),
    entry("check:c", "2026-11-30T12:00:00.000Z"),
    entry("alert:1", "2026-11-30T11:00:00.000Z"),
    entry("check:b", "2026-11-30T11:00:00.000Z"),
  ];

  it("pages newest first, ties by key, with a cursor that continues exactly", () => {
    const first = pageOf(all, null, 2);
    expect(first.entries.map((e) => e.key)).toEqual(["check:c", "check:b"]);
    expect(first.next).toBe("2026-11-30T11:00:00.000Z|check:b");
    const second = pageOf(all, parseCursor(first.next ?? ""), 2);
    expect(second.entries.map((e) => e.key)).toEqual(["alert:1", "check:a"]);
    expect(second.next).toBeNull();
  });

  it("refuses a malformed cursor", () => {
    expect(parseCursor("yesterday|x")).toBeNull();
    expect(parseCursor("2026-11-30T11:00:00.000Z")).toBeNull();
    expect(cursorOf(all[0] as TimelineEntry)).toBe("2026-11-30T10:00:00.000Z|check:a");
  });
});

describe("days without reports", () => {
  it("lists each gap and the current silence up to yesterday", () => {
    const e = silenceEntries(
      ["2026-11-20", "2026-11-21", "2026-11-24", "2026-11-26"],
      new Date("2026-11-30T08:00:00Z"),
    );
    expect(e.map((x) => [x.at, x.title, x.detail])).toEqual([
      [
        "2026-11-22T00:00:00.000Z",
        "2 days without reports",
        "No report covered 2026-11-22 to 2026-11-23.",
      ],
      ["2026-11-25T00:00:00.000Z", "1 day without reports", "No report covered 2026-11-25."],
      [
        "2026-11-27T00:00:00.000Z",
        "3 days without reports",
        "No report covered 2026-11-27 to 2026-11-29.",
      ],
    ]);
  });

  it("says nothing when reports cover every day up to yesterday", () => {
    expect(silenceEntries(["2026-11-28", "2026-11-29"], new Date("2026-11-30T08:00:00Z"))).toEqual(
      [],
    );
  });
});

describe("CHK-OPS-5: the removal date on the timeline", () => {
  it("gives the date from the largest max_age of the testing/enforce policies", () => {
    const e = removalEntry(
      [
        {
          policyId: "v3",
          mode: "none",
          maxAge: 86400,
          createdAt: new Date("2026-11-20T10:00:00Z"),
        },
        {
          policyId: "v2",
          mode: "enforce",
          maxAge: 604800,
          createdAt: new Date("2026-11-01T10:00:00Z"),
        },
        {
          policyId: "v1",
          mode: "testing",
          maxAge: 1209600,
          createdAt: new Date("2026-10-01T10:00:00Z"),
        },
      ],
      new Date("2026-11-30T10:00:00Z"),
    );
    expect(e).toEqual({
      key: "removal:v3",
      at: "2026-11-20T10:00:00.000Z",
      kind: "removal",
      ref: "CHK-OPS-5",
      severity: "info",
      title: "Safe to remove MTA-STS from 2026-12-04 10:00 UTC",
      detail:
        "The last testing/enforce policy was served until 2026-11-20 10:00 UTC; the largest max_age any of them had runs out at 2026-12-04 10:00 UTC. Delete the _mta-sts TXT record and the policy host only after that (STS-OPS-9).",
      text: {
        title: { key: "removeFrom", params: { when: "2026-12-04 10:00 UTC" } },
        detail: {
          key: "removeFromDetail",
          params: { until: "2026-11-20 10:00 UTC", when: "2026-12-04 10:00 UTC", passed: "no" },
        },
      },
    });
  });

  it("is absent while a testing or enforce policy is served", () => {
    const v = {
      policyId: "v1",
      mode: "enforce" as const,
      maxAge: 86400,
      createdAt: new Date("2026-11-01T00:00:00Z"),
    };
    expect(removalEntry([v], new Date("2026-11-30T00:00:00Z"))).toBeNull();
  });
});
