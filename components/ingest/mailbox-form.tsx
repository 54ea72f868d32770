"use client";

import { MailPlus } from "lucide-react";
import { useTranslations } from "next-intl";
import { useState } from "react";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { formFields } from "@/components/ui/form-fields";
import { Label, TextField } from "@/components/ui/input";
import { endpointChanged, type MailboxSecurity } from "@/lib/mailbox/account-rules";
import { useSaveMailbox } from "@/lib/query/admin-mutations";
import type { MailboxRow } from "./mailbox-admin";

/**
 * Adds or edits a mailbox. Changing the host, port or security makes the password required
 * again (the route refuses it too), so a stored password never goes elsewhere.
 */
export function MailboxForm({
  mailbox: m,
  allowPlainImap,
}: {
  mailbox?: MailboxRow;
  allowPlainImap: boolean;
}) {
  const save = useSaveMailbox();
  const t = useTranslations("settings.mailboxForm");
  const [host, setHost] = useState(m?.host ?? "");
  const [port, setPort] = useState(String(m?.port ?? 993));
  const [security, setSecurity] = useState<MailboxSecurity>(m?.security ?? "tls");
  const moved = !!m && endpointChanged(m, { host, port: Number(port), security });
  const p = m ? `mb-${m.id}` : "mb-new";
  return (
    <form
      className="mt-3 grid gap-4 sm:grid-cols-3"
      onSubmit={(e) => {
        e.preventDefault();
        const form = e.currentTarget;
        const enabled = form.elements.namedItem("enabled");
        const fields = {
          ...formFields(form),
          enabled: enabled instanceof HTMLInputElement && enabled.checked,
        };
        // A new mailbox's form clears after success; an edited one shows what was saved.
        save.mutate(m ? { ...fields, id: m.id } : fields, {
          onSuccess: () => {
            if (!m) form.reset();
          },
        });
      }}
    >
      <TextField
        label={t("name")}
        id={`${p}-label`}
        name="label"
        defaultValue={m?.label}
        required
      />
      <TextField
        label={t("host")}
        id={`${p}-host`}
        name="host"
        value={host}
        onChange={(e) => setHost(e.target.value)}
        required
      />
      <TextField
        label={t("port")}
        id={`${p}-port`}
        name="port"
        type="number"
        value={port}
        onChange={(e) => setPort(e.target.value)}
        required
      />
      <div className="space-y-1.5">
        <Label htmlFor={`${p}-security`}>{t("security")}</Label>
        <select
          id={`${p}-security`}
          name="security"
          value={security}
          onChange={(e) => setSecurity(e.target.value as MailboxSecurity)}
          className="h-9 w-full rounded-md border border-slate-300 bg-white px-2 text-sm"
        >
          <option value="tls">{t("tls")}</option>
          <option value="starttls">{t("starttls")}</option>
          {allowPlainImap || m?.security === "none" ? (
            <option value="none">{t("none")}</option>
          ) : null}
        </select>
      </div>
      <TextField
        label={t("username")}
        id={`${p}-username`}
        name="username"
        defaultValue={m?.username}
        autoComplete="off"
        required
      />
      <TextField
        label={t("password")}
        id={`${p}-password`}
        name="password"
        type="password"
        autoComplete="new-password"
        hint={!m ? t("passwordNew") : moved ? t("passwordRequired") : t("passwordKeep")}
        required={!m || moved}
      />
      <TextField
        label={t("folder")}
        id={`${p}-folder`}
        name="folder"
        defaultValue={m?.folder ?? "INBOX"}
        required
      />
      <TextField
        label={t("processed")}
        id={`${p}-processed`}
        name="processedFolder"
        defaultValue={m?.processedFolder ?? "TLS-RPT/Processed"}
        hint={t("processedHint")}
        required
      />
      <TextField
        label={t("rejected")}
        id={`${p}-rejected`}
        name="rejectedFolder"
        defaultValue={m?.rejectedFolder ?? "TLS-RPT/Rejected"}
        hint={t("rejectedHint")}
        required
      />
      <TextField
        label={t("minutes")}
        id={`${p}-minutes`}
        name="pollMinutes"
        type="number"
        defaultValue={m?.pollMinutes ?? 15}
        required
      />
      <label className="flex items-center gap-2 text-sm sm:col-span-3">
        <input type="checkbox" name="enabled" defaultChecked={m?.enabled ?? true} /> {t("enabled")}
      </label>
      <div className="flex flex-wrap items-center gap-3 sm:col-span-3">
        <Button type="submit" disabled={save.isPending}>
          <MailPlus aria-hidden />
          {save.isPending ? t("saving") : m ? t("save") : t("add")}
        </Button>
        {save.error ? <Alert tone="bad">{save.error.message}</Alert> : null}
        {save.data ? <Alert tone="good">{t("saved", { label: save.data.label })}</Alert> : null}
      </div>
    </form>
  );
}
