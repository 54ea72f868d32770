"use client";

import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { Card } from "@/components/ui/card";
import { formFields } from "@/components/ui/form-fields";
import { TextField } from "@/components/ui/input";
import { useCreateFirstAdmin } from "@/lib/query/admin-mutations";

export function FirstRunForm() {
  const create = useCreateFirstAdmin();
  return (
    <Card className="p-6">
      <h1 className="text-lg font-semibold">Create the first admin</h1>
      <p className="mt-1 text-sm text-slate-600">
        This installation has no users yet. The account you create here can add domains and invite
        others. This page disappears once it is used.
      </p>
      <form
        className="mt-5 space-y-4"
        onSubmit={(e) => {
          e.preventDefault();
          const f = formFields(e.currentTarget);
          create.mutate({
            setupCode: f.setupCode ?? "",
            name: f.name ?? "",
            email: f.email ?? "",
            password: f.password ?? "",
          });
        }}
      >
        <TextField
          label="Setup code"
          id="setupCode"
          name="setupCode"
          autoComplete="off"
          spellCheck={false}
          required
          hint="Printed in the server log when it started, like K7QD-9XRM-4HTB."
        />
        <TextField label="Name" id="name" name="name" autoComplete="name" required />
        <TextField
          label="Email"
          id="email"
          name="email"
          type="email"
          autoComplete="email"
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
        {create.error ? <Alert tone="bad">{create.error.message}</Alert> : null}
        <Button type="submit" className="w-full" disabled={create.isPending || create.isSuccess}>
          {create.isPending || create.isSuccess ? "Creating…" : "Create admin account"}
        </Button>
      </form>
    </Card>
  );
}
