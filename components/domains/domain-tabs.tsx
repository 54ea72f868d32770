"use client";

import Link from "next/link";
import { usePathname } from "next/navigation";
import { useTranslations } from "next-intl";
import { useEffect, useRef } from "react";
import { cn } from "@/components/ui/cn";

// The domain's sections. Steps 1–4 of the rollout, the report dashboard (charts and the
// readiness verdict), the received reports, the switch to enforce, the timeline of
// checks, findings, alerts and mode changes, and the alert settings (issue 14).
export const DOMAIN_TABS = [
  { slug: "", label: "overview" },
  { slug: "check", label: "check" },
  { slug: "policy", label: "policy" },
  { slug: "publish", label: "publish" },
  { slug: "dns", label: "dns" },
  { slug: "reports", label: "reports" },
  { slug: "enforce", label: "enforce" },
  { slug: "timeline", label: "timeline" },
  { slug: "alerts", label: "alerts" },
] as const;

export function DomainTabs({ name }: { name: string }) {
  const tr = useTranslations("steps.tabs");
  const pathname = usePathname();
  const base = `/domains/${name}`;
  const nav = useRef<HTMLElement>(null);
  // On a phone the tabs scroll sideways: bring the current one into view (issue 16 §2).
  // Only the tab strip scrolls, never the page.
  useEffect(() => {
    const box = nav.current;
    const tab = box?.querySelector<HTMLElement>("[aria-current=page]");
    if (!box || !tab) return;
    const left =
      tab.getBoundingClientRect().left - box.getBoundingClientRect().left + box.scrollLeft;
    if (left < box.scrollLeft || left + tab.offsetWidth > box.scrollLeft + box.clientWidth)
      box.scrollLeft = left - (box.clientWidth - tab.offsetWidth) / 2;
  }, [pathname]);
  return (
    <nav
      ref={nav}
      aria-label={tr("label")}
      className="mt-4 -mb-px overflow-x-auto border-b border-slate-200"
    >
      <ul className="flex min-w-max gap-1">
        {DOMAIN_TABS.map((t) => {
          const href = t.slug ? `${base}/${t.slug}` : base;
          const active = t.slug ? pathname.startsWith(href) : pathname === base;
          return (
            <li key={t.slug}>
              <Link
                href={href}
                aria-current={active ? "page" : undefined}
                className={cn(
                  "block border-b-2 px-3 py-2 text-sm font-medium whitespace-nowrap",
                  active
                    ? "border-brand-600 text-brand-700"
                    : "border-transparent text-slate-600 hover:border-slate-300 hover:text-slate-800",
                )}
              >
                {tr(t.label)}
              </Link>
            </li>
          );
        })}
      </ul>
    </nav>
  );
}
