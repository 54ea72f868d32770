"use client";

import { useTranslations } from "next-intl";
import { useState } from "react";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { Input, Label } from "@/components/ui/input";
import { ALERT_KINDS, type AlertKind } from "@/lib/alerts/kinds";
import { WEBHOOK_FORMATS } from "@/lib/alerts/payloads";
import type { AlertSettingsView } from "@/lib/db/alerts/alert-settings";
import { isLocale, LOCALES } from "@/lib/i18n/locale";
import { useSaveAlertSettings } from "@/lib/query/alert-mutations";
import { SecretOnce } from "./secret-once";

const CHOOSABLE = ALERT_KINDS.filter((k) => k !== "TEST");

export function AlertSettingsForm({
  domain,
  initial,
}: {
  domain: string;
  initial: AlertSettingsView;
}) {
  const t = useTranslations("alerts");
  const save = useSaveAlertSettings(domain);
  const [s, setS] = useState({ ...initial, emailRecipients: initial.emailRecipients.join(", ") });
  const [off, setOff] = useState<Set<AlertKind>>(new Set(initial.disabledKinds));
  const toggle = (k: AlertKind, send: boolean) =>
    setOff((prev) => {
      const next = new Set(prev);
      if (send) next.delete(k);
      else next.add(k);
      return next;
    });
  return (
    <form
      className="space-y-5 p-5"
      aria-label={t("form.label")}
      onSubmit={(e) => {
        e.preventDefault();
        save.mutate({
          emailEnabled: s.emailEnabled,
          emailRecipients: s.emailRecipients,
          webhookEnabled: s.webhookEnabled,
          webhookUrl: s.webhookUrl,
          webhookFormat: s.webhookFormat,
          disabledKinds: [...off],
          locale: s.locale,
        });
      }}
    >
      <fieldset className="space-y-2">
        <legend className="text-sm font-semibold text-slate-900">{t("form.email")}</legend>
        <label className="flex items-center gap-2 text-sm">
          <input
            type="checkbox"
            checked={s.emailEnabled}
            onChange={(e) => setS({ ...s, emailEnabled: e.target.checked })}
          />
          {t("form.emailOn")}
        </label>
        <Label htmlFor="alert-recipients">{t("form.recipients")}</Label>
        <Input
          id="alert-recipients"
          value={s.emailRecipients}
          onChange={(e) => setS({ ...s, emailRecipients: e.target.value })}
          placeholder="postmaster@example.com, oncall@example.com"
          autoComplete="off"
        />
      </fieldset>
      <fieldset className="space-y-2">
        <legend className="text-sm font-semibold text-slate-900">{t("form.webhook")}</legend>
        <label className="flex items-center gap-2 text-sm">
          <input
            type="checkbox"
            checked={s.webhookEnabled}
            onChange={(e) => setS({ ...s, webhookEnabled: e.target.checked })}
          />
          {t("form.webhookOn")}
        </label>
        <Label htmlFor="alert-webhook-url">{t("form.webhookUrl")}</Label>
        <Input
          id="alert-webhook-url"
          value={s.webhookUrl}
          onChange={(e) => setS({ ...s, webhookUrl: e.target.value })}
          placeholder="https://hooks.example.com/…"
          autoComplete="off"
          spellCheck={false}
        />
        <Label htmlFor="alert-webhook-format">{t("form.format")}</Label>
        <select
          id="alert-webhook-format"
          className="h-9 rounded-md border border-slate-300 bg-white px-2 text-sm"
          value={s.webhookFormat}
          onChange={(e) =>
            setS({
              ...s,
              webhookFormat: WEBHOOK_FORMATS.find((f) => f === e.target.value) ?? "standard",
            })
          }
        >
          <option value="standard">{t("form.formatStandard")}</option>
          <option value="slack">{t("form.formatSlack")}</option>
          <option value="teams">{t("form.formatTeams")}</option>
        </select>
      </fieldset>
      <div className="space-y-1">
        <Label htmlFor="alert-locale">{t("form.language")}</Label>
        <select
          id="alert-locale"
          aria-describedby="alert-locale-hint"
          className="h-9 rounded-md border border-slate-300 bg-white px-2 text-sm"
          value={s.locale}
          onChange={(e) => setS({ ...s, locale: isLocale(e.target.value) ? e.target.value : "en" })}
        >
          {LOCALES.map((l) => (
            <option key={l} value={l} lang={l}>
              {t(`languages.${l}`)}
            </option>
          ))}
        </select>
        <p id="alert-locale-hint" className="text-xs text-slate-600">
          {t("form.languageHint")}
        </p>
      </div>
      <fieldset className="space-y-1">
        <legend className="text-sm font-semibold text-slate-900">{t("form.kinds")}</legend>
        {CHOOSABLE.map((k) => (
          <label key={k} className="flex items-center gap-2 text-sm">
            <input
              type="checkbox"
              checked={!off.has(k)}
              onChange={(e) => toggle(k, e.target.checked)}
            />
            <span>
              {t(`kinds.${k}`)} <span className="text-xs text-slate-500">({k})</span>
            </span>
          </label>
        ))}
      </fieldset>
      <Button type="submit" disabled={save.isPending}>
        {save.isPending ? t("form.saving") : t("form.save")}
      </Button>
      {save.error ? <Alert tone="bad">{save.error.message}</Alert> : null}
      {save.data ? <Alert tone="good">{t("form.saved")}</Alert> : null}
      {save.data?.newSecret ? <SecretOnce secret={save.data.newSecret} /> : null}
    </form>
  );
}
