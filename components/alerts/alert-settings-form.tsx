"use client";

import { useState } from "react";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { Input, Label } from "@/components/ui/input";
import { ALERT_KIND_INFO, ALERT_KINDS, type AlertKind } from "@/lib/alerts/kinds";
import { WEBHOOK_FORMATS } from "@/lib/alerts/payloads";
import type { AlertSettingsView } from "@/lib/db/alerts/alert-settings";
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
      aria-label="Alert settings"
      onSubmit={(e) => {
        e.preventDefault();
        save.mutate({
          emailEnabled: s.emailEnabled,
          emailRecipients: s.emailRecipients,
          webhookEnabled: s.webhookEnabled,
          webhookUrl: s.webhookUrl,
          webhookFormat: s.webhookFormat,
          disabledKinds: [...off],
        });
      }}
    >
      <fieldset className="space-y-2">
        <legend className="text-sm font-semibold text-slate-900">E-mail</legend>
        <label className="flex items-center gap-2 text-sm">
          <input
            type="checkbox"
            checked={s.emailEnabled}
            onChange={(e) => setS({ ...s, emailEnabled: e.target.checked })}
          />
          Send alerts by e-mail
        </label>
        <Label htmlFor="alert-recipients">Recipients</Label>
        <Input
          id="alert-recipients"
          value={s.emailRecipients}
          onChange={(e) => setS({ ...s, emailRecipients: e.target.value })}
          placeholder="postmaster@example.com, oncall@example.com"
          autoComplete="off"
        />
      </fieldset>
      <fieldset className="space-y-2">
        <legend className="text-sm font-semibold text-slate-900">Webhook</legend>
        <label className="flex items-center gap-2 text-sm">
          <input
            type="checkbox"
            checked={s.webhookEnabled}
            onChange={(e) => setS({ ...s, webhookEnabled: e.target.checked })}
          />
          Send alerts to a webhook
        </label>
        <Label htmlFor="alert-webhook-url">Webhook URL</Label>
        <Input
          id="alert-webhook-url"
          value={s.webhookUrl}
          onChange={(e) => setS({ ...s, webhookUrl: e.target.value })}
          placeholder="https://hooks.example.com/…"
          autoComplete="off"
          spellCheck={false}
        />
        <Label htmlFor="alert-webhook-format">Format</Label>
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
          <option value="standard">Standard Webhooks (signed JSON)</option>
          <option value="slack">
            Slack-compatible text ({"{"}&quot;text&quot;: …{"}"})
          </option>
          <option value="teams">Microsoft Teams (Adaptive Card)</option>
        </select>
      </fieldset>
      <fieldset className="space-y-1">
        <legend className="text-sm font-semibold text-slate-900">Which alerts to send</legend>
        {CHOOSABLE.map((k) => (
          <label key={k} className="flex items-center gap-2 text-sm">
            <input
              type="checkbox"
              checked={!off.has(k)}
              onChange={(e) => toggle(k, e.target.checked)}
            />
            <span>
              {ALERT_KIND_INFO[k].label} <span className="text-xs text-slate-500">({k})</span>
            </span>
          </label>
        ))}
      </fieldset>
      <Button type="submit" disabled={save.isPending}>
        {save.isPending ? "Saving…" : "Save alert settings"}
      </Button>
      {save.error ? <Alert tone="bad">{save.error.message}</Alert> : null}
      {save.data ? <Alert tone="good">Alert settings saved.</Alert> : null}
      {save.data?.newSecret ? <SecretOnce secret={save.data.newSecret} /> : null}
    </form>
  );
}
