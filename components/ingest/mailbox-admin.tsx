"use client";

import { MailPlus, RefreshCw, Trash2 } from "lucide-react";
import { useActionState, useState, useTransition } from "react";
import {
  deleteMailboxAction,
  pollMailboxAction,
  saveMailboxAction,
  type MailboxFormState,
} from "@/app/(dashboard)/settings/actions";
import { Alert } from "@/components/ui/alert";
import { Badge } from "@/components/ui/badge";
import { Button } from "@/components/ui/button";
import { Card, CardHeader } from "@/components/ui/card";
import { Label, TextField } from "@/components/ui/input";

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
  pollMinutes: number;
  enabled: boolean;
  lastPollAt: string | null;
  lastError: string | null;
  lastResult: string | null;
}

export function MailboxAdmin({ mailboxes }: { mailboxes: MailboxRow[] }) {
  const [editing, setEditing] = useState<string | null>(null);
  return (
    <Card>
      <CardHeader
        title="Mailboxes"
        description="IMAP accounts that receive reports sent to a mailto: rua address. Report messages are moved to the processed folder; other mail is left alone."
      />
      <ul className="divide-y divide-slate-100">
        {mailboxes.map((m) => (
          <li key={m.id} className="px-5 py-4">
            <MailboxItem mailbox={m} onEdit={() => setEditing(editing === m.id ? null : m.id)} />
            {editing === m.id ? <MailboxForm mailbox={m} /> : null}
          </li>
        ))}
      </ul>
      <div className="border-t border-slate-100 px-5 py-4">
        <h3 className="text-sm font-semibold text-slate-900">Add a mailbox</h3>
        <MailboxForm />
      </div>
    </Card>
  );
}

function MailboxItem({ mailbox: m, onEdit }: { mailbox: MailboxRow; onEdit: () => void }) {
  const [pending, start] = useTransition();
  const [note, setNote] = useState<{ ok: boolean; message: string } | null>(null);
  return (
    <div className="space-y-2" data-testid={`mailbox-${m.label}`}>
      <div className="flex flex-wrap items-center gap-2">
        <span className="font-medium text-slate-900">{m.label}</span>
        <span className="text-sm text-slate-600">
          {m.username} @ {m.host}:{m.port} ({m.security}), folder {m.folder}, every {m.pollMinutes}{" "}
          min
        </span>
        {m.enabled ? <Badge tone="good">enabled</Badge> : <Badge>paused</Badge>}
        <div className="ml-auto flex gap-2">
          <Button
            size="sm"
            variant="secondary"
            disabled={pending}
            onClick={() =>
              start(async () => {
                setNote(null);
                setNote(await pollMailboxAction(m.id));
              })
            }
          >
            <RefreshCw aria-hidden />
            {pending ? "Polling…" : "Poll now"}
          </Button>
          <Button size="sm" variant="secondary" onClick={onEdit}>
            Edit
          </Button>
          <Button
            size="sm"
            variant="ghost"
            aria-label={`Remove ${m.label}`}
            disabled={pending}
            onClick={() =>
              start(async () => {
                if (!window.confirm(`Remove the mailbox ${m.label}?`)) return;
                const r = await deleteMailboxAction(m.id);
                if (r.error) setNote({ ok: false, message: r.error });
              })
            }
          >
            <Trash2 aria-hidden />
          </Button>
        </div>
      </div>
      {m.lastError ? (
        <Alert tone="bad">Last poll failed: {m.lastError}</Alert>
      ) : m.lastResult ? (
        <p className="text-sm text-slate-600">
          Last poll{" "}
          {m.lastPollAt ? new Date(m.lastPollAt).toISOString().slice(0, 16).replace("T", " ") : ""}{" "}
          UTC: {m.lastResult}
        </p>
      ) : (
        <p className="text-sm text-slate-500">Not polled yet.</p>
      )}
      {note ? (
        <Alert tone={note.ok ? "good" : "bad"}>
          {note.ok ? `Polled: ${note.message}` : note.message}
        </Alert>
      ) : null}
    </div>
  );
}

function MailboxForm({ mailbox: m }: { mailbox?: MailboxRow }) {
  const [state, action, pending] = useActionState<MailboxFormState, FormData>(
    saveMailboxAction,
    {},
  );
  const p = m ? `mb-${m.id}` : "mb-new";
  return (
    <form action={action} className="mt-3 grid gap-4 sm:grid-cols-3">
      {m ? <input type="hidden" name="id" value={m.id} /> : null}
      <TextField label="Name" id={`${p}-label`} name="label" defaultValue={m?.label} required />
      <TextField label="IMAP host" id={`${p}-host`} name="host" defaultValue={m?.host} required />
      <TextField
        label="Port"
        id={`${p}-port`}
        name="port"
        type="number"
        defaultValue={m?.port ?? 993}
        required
      />
      <div className="space-y-1.5">
        <Label htmlFor={`${p}-security`}>Security</Label>
        <select
          id={`${p}-security`}
          name="security"
          defaultValue={m?.security ?? "tls"}
          className="h-9 w-full rounded-md border border-slate-300 bg-white px-2 text-sm"
        >
          <option value="tls">TLS (port 993)</option>
          <option value="starttls">STARTTLS (port 143)</option>
          <option value="none">none (testing only)</option>
        </select>
      </div>
      <TextField
        label="Username"
        id={`${p}-username`}
        name="username"
        defaultValue={m?.username}
        autoComplete="off"
        required
      />
      <TextField
        label="Password or app password"
        id={`${p}-password`}
        name="password"
        type="password"
        autoComplete="new-password"
        hint={m ? "Leave empty to keep the stored one." : "Stored encrypted; never shown again."}
        required={!m}
      />
      <TextField
        label="Folder"
        id={`${p}-folder`}
        name="folder"
        defaultValue={m?.folder ?? "INBOX"}
        required
      />
      <TextField
        label="Processed folder"
        id={`${p}-processed`}
        name="processedFolder"
        defaultValue={m?.processedFolder ?? "TLS-RPT/Processed"}
        hint="Created when missing."
        required
      />
      <TextField
        label="Poll every (minutes)"
        id={`${p}-minutes`}
        name="pollMinutes"
        type="number"
        defaultValue={m?.pollMinutes ?? 15}
        required
      />
      <label className="flex items-center gap-2 text-sm sm:col-span-3">
        <input type="checkbox" name="enabled" defaultChecked={m?.enabled ?? true} /> Poll on
        schedule
      </label>
      <div className="flex flex-wrap items-center gap-3 sm:col-span-3">
        <Button type="submit" disabled={pending}>
          <MailPlus aria-hidden />
          {pending ? "Saving…" : m ? "Save mailbox" : "Add mailbox"}
        </Button>
        {state.error ? <Alert tone="bad">{state.error}</Alert> : null}
        {state.saved ? <Alert tone="good">Saved {state.saved}.</Alert> : null}
      </div>
    </form>
  );
}
