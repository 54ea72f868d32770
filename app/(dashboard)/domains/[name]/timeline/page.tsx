import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { getTranslations } from "next-intl/server";
import { TimelineView } from "@/components/timeline/timeline-view";
import { requirePageUser } from "@/lib/auth/session";
import { getDb } from "@/lib/db/client";
import { getTimeline } from "@/lib/db/watch/get-timeline";
import { loadDomain } from "../load-domain";

type Props = { params: Promise<{ name: string }> };

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const t = await getTranslations("timeline");
  return { title: t("metaTitle", { domain: decodeURIComponent((await params).name) }) };
}

export default async function TimelinePage({ params }: Props) {
  await requirePageUser();
  const domain = await loadDomain((await params).name);
  if (!domain) notFound();
  const first = await getTimeline(await getDb(), domain.id);
  return <TimelineView domain={domain.name} first={first} />;
}
