"use client";

import { Plus } from "lucide-react";
import { useTranslations } from "next-intl";
import { useRef } from "react";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { Card } from "@/components/ui/card";
import { Input, Label } from "@/components/ui/input";
import { useAddDomain } from "@/lib/query/domain-mutations";

export function AddDomainForm() {
  const add = useAddDomain();
  const t = useTranslations("domains.add");
  const form = useRef<HTMLFormElement>(null);
  return (
    <Card className="p-5">
      <form
        ref={form}
        className="flex flex-col gap-2 sm:flex-row sm:items-end"
        onSubmit={(e) => {
          e.preventDefault();
          const name = String(new FormData(e.currentTarget).get("domain") ?? "");
          // What was typed stays after an error so it can be corrected; a success clears it.
          add.mutate({ name }, { onSuccess: () => form.current?.reset() });
        }}
      >
        <div className="flex-1 space-y-1.5">
          <Label htmlFor="domain">{t("label")}</Label>
          <Input
            id="domain"
            name="domain"
            placeholder="example.com"
            autoComplete="off"
            spellCheck={false}
            aria-invalid={add.error ? true : undefined}
            aria-describedby={add.error ? "domain-error" : undefined}
            required
          />
        </div>
        <Button type="submit" disabled={add.isPending}>
          <Plus aria-hidden />
          {add.isPending ? t("pending") : t("submit")}
        </Button>
      </form>
      {add.error ? (
        <Alert tone="bad" className="mt-3" id="domain-error">
          {add.error.message}
        </Alert>
      ) : null}
      {add.data ? (
        <Alert tone="good" className="mt-3">
          {t("done", { name: add.data.displayName })}
        </Alert>
      ) : null}
    </Card>
  );
}
