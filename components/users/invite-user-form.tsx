"use client";

import { UserPlus } from "lucide-react";
import { useActionState } from "react";
import { inviteUserAction, type InviteState } from "@/app/(dashboard)/users/actions";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { Card, CardHeader } from "@/components/ui/card";
import { Label, TextField } from "@/components/ui/input";

export function InviteUserForm() {
  const [state, action, pending] = useActionState<InviteState, FormData>(inviteUserAction, {});
  return (
    <Card>
      <CardHeader
        title="Invite a user"
        description="Set a first password and share it with them; reset it here later if they lose it."
      />
      <form action={action} className="grid gap-4 px-5 py-4 sm:grid-cols-2">
        <TextField
          label="Name"
          id="invite-name"
          name="name"
          defaultValue={state.fields?.name}
          required
        />
        <TextField
          label="Email"
          id="invite-email"
          name="email"
          type="email"
          defaultValue={state.fields?.email}
          required
        />
        <TextField
          label="First password"
          id="invite-password"
          name="password"
          type="password"
          autoComplete="new-password"
          required
        />
        <div className="space-y-1.5">
          <Label htmlFor="invite-role">Role</Label>
          <select
            id="invite-role"
            name="role"
            defaultValue={state.fields?.role ?? "viewer"}
            className="h-9 w-full rounded-md border border-slate-300 bg-white px-2 text-sm"
          >
            <option value="viewer">viewer: reads everything</option>
            <option value="admin">admin: changes things</option>
          </select>
        </div>
        <div className="sm:col-span-2 flex flex-wrap items-center gap-3">
          <Button type="submit" disabled={pending}>
            <UserPlus aria-hidden />
            {pending ? "Inviting…" : "Invite user"}
          </Button>
          {state.error ? <Alert tone="bad">{state.error}</Alert> : null}
          {state.invited ? <Alert tone="good">Invited {state.invited}.</Alert> : null}
        </div>
      </form>
    </Card>
  );
}
