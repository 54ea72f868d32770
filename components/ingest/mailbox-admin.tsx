"use client";

import { RefreshCw, Trash2 } from "lucide-react";
import { useLocale, useTranslations } from "next-intl";
import { useState } from "react";
import { Alert } from "@/components/ui/alert";
import { Badge } from "@/components/ui/badge";
import { Button } from "@/components/ui/button";
import { Card, CardHeader } from "@/components/ui/card";
import { formatUtcMinute } from "@/lib/core/format-date";
import type { MessageRef } from "@/lib/i18n/message-ref";
import { usePollMailbox, useRemoveMailbox } from "@/lib/query/admin-mutations";
import { MailboxForm } from "./mailbox-form";

/** What the browser gets about a mailbox: never the password, sealed or not. */
export interface MailboxRow {
  id: string;
  label: string;
  host: string;
  port: number;
  security: "tls" | "starttls" | "none";
  username: string;
  folder: string;
  processedFolder: string;
  rejectedFolder: string;
  pollMinutes: number;
  enabled: boolean;
  lastPollAt: string | null;
  lastError: string | null;
  lastResult: string | null;
  /** lastError ("apiErrors") or lastResult ("settings.mailboxes") as a message (issue 16 §6). */
  lastRef: MessageRef | null;
}

export function MailboxAdmin({
  mailboxes,
  allowPlainImap,
}: {
  mailboxes: MailboxRow[];
  /** The lab setting STS_ALLOW_PLAIN_IMAP: offers security "none". */
  allowPlainImap: boolean;
}) {
  const [editing, setEditing] = useState<string | null>(null);
  const t = useTranslations("settings.mailboxes");
  return (
    <Card>
      <CardHeader title={t("title")} description={t("description")} />
      <ul className="divide-y divide-slate-100">
        {mailboxes.map((m) => (
          <li key={m.id} className="px-5 py-4">
            <MailboxItem mailbox={m} onEdit={() => setEditing(editing === m.id ? null : m.id)} />
            {editing === m.id ? <MailboxForm mailbox={m} allowPlainImap={allowPlainImap} /> : null}
          </li>
        ))}
      </ul>
      <div className="border-t border-slate-100 px-5 py-4">
        <h3 className="text-sm font-semibold text-slate-900">{t("addTitle")}</h3>
        <MailboxForm allowPlainImap={allowPlainImap} />
      </div>
    </Card>
  );
}

function MailboxItem({ mailbox: m, onEdit }: { mailbox: MailboxRow; onEdit: () => void }) {
  const poll = usePollMailbox(m.id);
  const remove = useRemoveMailbox(m.id);
  const pending = poll.isPending || remove.isPending;
  const t = useTranslations("settings.mailboxes");
  const tError = useTranslations("apiErrors");
  const locale = useLocale();
  // Our own sentences in the page's language; a row stored before refs has only English.
  const ref = m.lastRef;
  const lastError =
    m.lastError &&
    (ref ? tError(ref.key as Parameters<typeof tError>[0], ref.params) : m.lastError);
  const lastResult = m.lastResult && (ref ? t(ref.key as "pollSummary", ref.params) : m.lastResult);
  const polled = poll.data?.ref
    ? t(poll.data.ref.key as "pollSummary", poll.data.ref.params)
    : poll.data?.message;
  return (
    <div className="space-y-2" data-testid={`mailbox-${m.label}`}>
      <div className="flex flex-wrap items-center gap-2">
        <span className="font-medium text-slate-900">{m.label}</span>
        <span className="text-sm text-slate-600">
          {t("summary", {
            username: m.username,
            host: m.host,
            port: String(m.port),
            security: m.security,
            folder: m.folder,
            minutes: m.pollMinutes,
          })}
        </span>
        {m.enabled ? <Badge tone="good">{t("enabled")}</Badge> : <Badge>{t("paused")}</Badge>}
        <div className="ml-auto flex gap-2">
          <Button
            size="sm"
            variant="secondary"
            disabled={pending}
            onClick={() => {
              remove.reset();
              poll.mutate();
            }}
          >
            <RefreshCw aria-hidden />
            {pending ? t("polling") : t("poll")}
          </Button>
          <Button size="sm" variant="secondary" onClick={onEdit}>
            {t("edit")}
          </Button>
          <Button
            size="sm"
            variant="ghost"
            aria-label={t("removeLabel", { name: m.label })}
            disabled={pending}
            onClick={() => {
              if (!window.confirm(t("confirmRemove", { name: m.label }))) return;
              poll.reset();
              remove.mutate();
            }}
          >
            <Trash2 aria-hidden />
          </Button>
        </div>
      </div>
      {lastError ? (
        <Alert tone="bad">{t("lastFailed", { error: lastError })}</Alert>
      ) : lastResult ? (
        <p className="text-sm text-slate-600">
          {t("lastPoll", {
            when: m.lastPollAt ? formatUtcMinute(m.lastPollAt, locale, { zone: false }) : "",
            result: lastResult,
          })}
        </p>
      ) : (
        <p className="text-sm text-slate-500">{t("notPolled")}</p>
      )}
      {polled ? <Alert tone="good">{t("polled", { message: polled })}</Alert> : null}
      {poll.error ? <Alert tone="bad">{poll.error.message}</Alert> : null}
      {remove.error ? <Alert tone="bad">{remove.error.message}</Alert> : null}
    </div>
  );
}
