// The domain list's state in the URL (issue 16): search, filters, page. Pure, so the page
// parses searchParams and the filter form and pager build their links from one place.

import type { MessageRef } from "@/lib/i18n/message-ref";
import { first, parseChoice, type SearchParams } from "@/lib/lists/params";

export const DOMAIN_PAGE_SIZE = 50;

export const STEP_FILTERS = ["check", "policy", "publish", "dns", "live"] as const;
export const MODE_FILTERS = ["testing", "enforce", "none", "no-policy"] as const;
export const READINESS_FILTERS = ["ready", "not-ready", "unknown"] as const;

export type StepFilter = (typeof STEP_FILTERS)[number];
export type ModeFilter = (typeof MODE_FILTERS)[number];
export type ReadinessFilter = (typeof READINESS_FILTERS)[number];

export const STEP_LABEL: Record<StepFilter, string> = {
  check: "Step 1 · Check",
  policy: "Step 2 · Policy",
  publish: "Step 3 · Publish",
  dns: "Step 4 · DNS records",
  live: "Live (all steps done)",
};
export const MODE_LABEL: Record<ModeFilter, string> = {
  testing: "testing",
  enforce: "enforce",
  none: "none (policy withdrawn)",
  "no-policy": "no policy yet",
};
export const READINESS_LABEL: Record<ReadinessFilter, string> = {
  ready: "ready for enforce",
  "not-ready": "not ready",
  unknown: "not evaluated yet",
};

export interface DomainListParams {
  q: string;
  step: StepFilter | null;
  mode: ModeFilter | null;
  ready: ReadinessFilter | null;
  /** 1-based. */
  page: number;
}

export type { SearchParams };
/** The list state from the URL; a value it cannot use is dropped, with a sentence saying so:
 * `problems` in English (logs, tests), `problemRefs` the same as messages of the UI's
 * "domains" namespace (issue 16 §6). */
export function parseDomainListParams(sp: SearchParams): {
  params: DomainListParams;
  problems: string[];
  problemRefs: MessageRef[];
} {
  const problems: string[] = [];
  const problemRefs: MessageRef[] = [];
  const rawPage = first(sp.page);
  let page = 1;
  if (rawPage !== undefined && rawPage !== "") {
    if (/^[1-9]\d{0,5}$/.test(rawPage)) page = Number(rawPage);
    else {
      problems.push(`The page "${rawPage}" is not a page number; showing page 1.`);
      problemRefs.push({ key: "problems.page", params: { value: rawPage } });
    }
  }
  const pick = <T extends string>(
    raw: string | undefined,
    allowed: readonly T[],
    filter: "step" | "mode" | "readiness",
  ): T | null => {
    const before = problems.length;
    const value = parseChoice(raw, allowed, filter, problems);
    if (problems.length > before)
      problemRefs.push({
        key: "problems.filter",
        params: { filter, value: raw ?? "", allowed: allowed.join(", ") },
      });
    return value;
  };
  return {
    params: {
      q: (first(sp.q) ?? "").trim().slice(0, 253),
      step: pick(first(sp.step), STEP_FILTERS, "step"),
      mode: pick(first(sp.mode), MODE_FILTERS, "mode"),
      ready: pick(first(sp.ready), READINESS_FILTERS, "readiness"),
      page,
    },
    problems,
    problemRefs,
  };
}

/** The URL of the list with `params`, changed by `change`; defaults are left out. */
export function domainListHref(
  params: DomainListParams,
  change: Partial<DomainListParams> = {},
): string {
  const p = { ...params, ...change };
  const u = new URLSearchParams();
  if (p.q) u.set("q", p.q);
  if (p.step) u.set("step", p.step);
  if (p.mode) u.set("mode", p.mode);
  if (p.ready) u.set("ready", p.ready);
  if (p.page > 1) u.set("page", String(p.page));
  const s = u.toString();
  return s ? `/domains?${s}` : "/domains";
}

/** d1, d2, d10, d100: digits compare as numbers (Intl.Collator numeric). */
const collator = new Intl.Collator("en", { numeric: true, sensitivity: "base" });

export function naturalCompare(a: string, b: string): number {
  return collator.compare(a, b) || (a < b ? -1 : a > b ? 1 : 0);
}
