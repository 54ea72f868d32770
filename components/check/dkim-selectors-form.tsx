"use client";

import { useTranslations } from "next-intl";
import { useState } from "react";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { Input, Label } from "@/components/ui/input";
import { useSaveDkimSelectors } from "@/lib/query/domain-mutations";

export function DkimSelectorsForm({ domain, selectors }: { domain: string; selectors: string[] }) {
  const t = useTranslations("check.dkim");
  const save = useSaveDkimSelectors(domain);
  // What was typed stays after an error; after a save the field shows the list as stored.
  const [typed, setTyped] = useState(selectors.join(", "));
  return (
    <form
      className="space-y-2"
      onSubmit={(e) => {
        e.preventDefault();
        save.mutate({ selectors: typed }, { onSuccess: (r) => setTyped(r.selectors.join(", ")) });
      }}
    >
      <Label htmlFor="dkim-selectors">{t("label")}</Label>
      <p id="dkim-help" className="text-xs text-slate-600">
        {t("help", { pattern: `<selector>._domainkey.${domain}` })}
      </p>
      <div className="flex flex-col gap-2 sm:flex-row">
        <Input
          id="dkim-selectors"
          name="selectors"
          value={typed}
          onChange={(e) => setTyped(e.target.value)}
          placeholder="s1, google"
          spellCheck={false}
          autoComplete="off"
          aria-describedby="dkim-help"
          aria-invalid={save.error ? true : undefined}
        />
        <Button type="submit" variant="secondary" disabled={save.isPending}>
          {save.isPending ? t("saving") : t("save")}
        </Button>
      </div>
      {save.error ? <Alert tone="bad">{save.error.message}</Alert> : null}
      {save.data ? (
        <Alert tone="good">
          {save.data.selectors.length === 0
            ? t("savedNone")
            : t("saved", { selectors: save.data.selectors.join(", ") })}
        </Alert>
      ) : null}
    </form>
  );
}
