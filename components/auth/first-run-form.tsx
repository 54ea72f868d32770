"use client";

import { useActionState } from "react";
import { createFirstAdminAction, type FormState } from "@/app/(auth)/first-run/actions";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { Card } from "@/components/ui/card";
import { TextField } from "@/components/ui/input";

export function FirstRunForm() {
  const [state, action, pending] = useActionState<FormState, FormData>(createFirstAdminAction, {});
  return (
    <Card className="p-6">
      <h1 className="text-lg font-semibold">Create the first admin</h1>
      <p className="mt-1 text-sm text-slate-600">
        This installation has no users yet. The account you create here can add domains and invite
        others. This page disappears once it is used.
      </p>
      <form action={action} className="mt-5 space-y-4">
        <TextField
          label="Setup code"
          id="setupCode"
          name="setupCode"
          autoComplete="off"
          spellCheck={false}
          defaultValue={state.fields?.setupCode}
          required
          hint="Printed in the server log when it started, like K7QD-9XRM-4HTB."
        />
        <TextField
          label="Name"
          id="name"
          name="name"
          autoComplete="name"
          defaultValue={state.fields?.name}
          required
        />
        <TextField
          label="Email"
          id="email"
          name="email"
          type="email"
          autoComplete="email"
          defaultValue={state.fields?.email}
          required
        />
        <TextField
          label="Password"
          id="password"
          name="password"
          type="password"
          autoComplete="new-password"
          required
          hint="At least 10 characters."
        />
        {state.error ? <Alert tone="bad">{state.error}</Alert> : null}
        <Button type="submit" className="w-full" disabled={pending}>
          {pending ? "Creating…" : "Create admin account"}
        </Button>
      </form>
    </Card>
  );
}
