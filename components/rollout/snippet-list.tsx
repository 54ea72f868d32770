import { useTranslations } from "next-intl";
import type { Snippet } from "@/lib/rollout/snippets";
import { CopyBlock } from "./copy-button";

export function SnippetList({ snippets }: { snippets: Snippet[] }) {
  const t = useTranslations("wizard.copy");
  return (
    <div className="space-y-4">
      {snippets.map((s) => (
        <div key={s.id} className="space-y-1">
          <h3 className="text-sm font-medium">{s.title}</h3>
          <CopyBlock text={s.text} label={t("configuration", { title: s.title })} />
        </div>
      ))}
    </div>
  );
}
