"use client";

import { useInfiniteQuery } from "@tanstack/react-query";
import { useLocale, useTranslations } from "next-intl";
import { formatUtcSecond, localizeDates } from "@/lib/core/format-date";
import { useRefText } from "@/components/alerts/use-ref-text";
import { Badge } from "@/components/ui/badge";
import { Button } from "@/components/ui/button";
import { apiFetch } from "@/lib/query/api-fetch";
import { queryKeys } from "@/lib/query/keys";
import type { MessageRef } from "@/lib/i18n/message-ref";
import type { TimelineEntry, TimelinePage } from "@/lib/timeline/types";

// A domain's timeline (issue 14): the server renders the first page, older pages load on
// request through GET /api/domains/[name]/timeline?before=<cursor>.

const TONE = { error: "bad", warning: "warn", ok: "good", info: "info" } as const;

type Plain = ((key: string, params?: MessageRef["params"]) => string) & {
  has: (key: string) => boolean;
};

/** An entry's title and detail in the page's language (issue 16 §6): its refs translated,
 * a finding's or alert's own title put into the sentence; English where a ref is missing. */
function useEntryText(): (e: TimelineEntry) => { title: string; detail: string } {
  const t = useTranslations("timeline.entry") as unknown as Plain;
  const locale = useLocale();
  const source = useRefText();
  const tr = (ref: MessageRef | undefined, extra: MessageRef["params"]) =>
    ref && t.has(ref.key) ? t(ref.key, localizeDates({ ...ref.params, ...extra }, locale)) : null;
  return (e) => {
    const ns = e.source?.namespace ?? "findings";
    const inner = source(ns, e.source?.title);
    const title = e.text ? tr(e.text.title, inner ? { title: inner } : {}) : inner;
    const parts = [source(ns, e.source?.detail), source(ns, e.source?.fix)];
    const joined = parts.every((p) => p !== null) ? parts.join(" ") : null;
    return {
      title: title ?? e.title,
      detail: tr(e.text?.detail, {}) ?? joined ?? e.detail,
    };
  };
}

export function TimelineView({ domain, first }: { domain: string; first: TimelinePage }) {
  const q = useInfiniteQuery({
    queryKey: queryKeys.timeline(domain),
    queryFn: ({ pageParam }) =>
      apiFetch<TimelinePage>(
        "GET",
        `/api/domains/${encodeURIComponent(domain)}/timeline?before=${encodeURIComponent(pageParam ?? "")}`,
      ),
    initialPageParam: null as string | null,
    getNextPageParam: (last) => last.next,
    initialData: { pages: [first], pageParams: [null] },
  });
  const t = useTranslations("timeline");
  const locale = useLocale();
  const textOf = useEntryText();
  const entries = q.data.pages.flatMap((p) => p.entries);
  return (
    <section aria-labelledby="timeline-title" className="space-y-4">
      <h2 id="timeline-title" className="text-lg font-semibold">
        {t("title")}
      </h2>
      {entries.length === 0 ? (
        <p className="text-sm text-slate-600">{t("empty")}</p>
      ) : (
        <ol aria-label={t("title")} className="divide-y divide-slate-100">
          {entries
            .map((e) => ({ e, text: textOf(e) }))
            .map(({ e, text }) => (
              <li key={e.key} data-testid="timeline-entry" data-kind={e.kind} className="py-3">
                <div className="flex flex-wrap items-center gap-2 text-sm">
                  <time dateTime={e.at} className="text-slate-500">
                    {formatUtcSecond(e.at, locale)}
                  </time>
                  <Badge tone={TONE[e.severity]}>{t(`kind.${e.kind}`)}</Badge>
                  {e.ref ? <span className="font-mono text-xs text-slate-600">{e.ref}</span> : null}
                  <span className="font-medium text-slate-800">{text.title}</span>
                </div>
                {text.detail ? (
                  <p className="mt-1 text-sm break-words text-slate-600">{text.detail}</p>
                ) : null}
              </li>
            ))}
        </ol>
      )}
      {q.hasNextPage ? (
        <Button
          type="button"
          variant="secondary"
          disabled={q.isFetchingNextPage}
          onClick={() => void q.fetchNextPage()}
        >
          {q.isFetchingNextPage ? t("loading") : t("older")}
        </Button>
      ) : null}
      {q.error ? (
        <p role="alert" className="text-sm text-red-700">
          {q.error.message}
        </p>
      ) : null}
    </section>
  );
}
