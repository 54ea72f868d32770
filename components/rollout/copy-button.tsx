"use client";

import { Check, Copy } from "lucide-react";
import { useTranslations } from "next-intl";
import { useState } from "react";
import { Button } from "@/components/ui/button";
import { CodeBlock } from "@/components/ui/scroll-region";

export function CopyButton({ text, label }: { text: string; label: string }) {
  const t = useTranslations("wizard.copy");
  const [copied, setCopied] = useState(false);
  return (
    <Button
      type="button"
      variant="secondary"
      size="sm"
      aria-label={label}
      onClick={() => {
        void navigator.clipboard?.writeText(text).then(() => setCopied(true));
      }}
    >
      {copied ? <Check aria-hidden /> : <Copy aria-hidden />}
      {copied ? t("copied") : t("copy")}
    </Button>
  );
}

/** A block of copy-ready text with its copy button. */
export function CopyBlock({ text, label }: { text: string; label: string }) {
  const t = useTranslations("wizard.copy");
  return (
    <div className="relative">
      <CodeBlock
        label={label}
        className="rounded-md bg-slate-900 p-3 pr-24 font-mono text-xs text-slate-100"
      >
        {text}
      </CodeBlock>
      <div className="absolute top-2 right-2">
        <CopyButton text={text} label={t("copyLabel", { label })} />
      </div>
    </div>
  );
}
