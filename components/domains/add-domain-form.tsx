"use client";

import { Plus } from "lucide-react";
import { useActionState } from "react";
import { addDomainAction, type DomainFormState } from "@/app/(dashboard)/domains/actions";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { Card } from "@/components/ui/card";
import { Input, Label } from "@/components/ui/input";

export function AddDomainForm() {
  const [state, action, pending] = useActionState<DomainFormState, FormData>(addDomainAction, {});
  return (
    <Card className="p-5">
      <form action={action} className="flex flex-col gap-2 sm:flex-row sm:items-end">
        <div className="flex-1 space-y-1.5">
          <Label htmlFor="domain">Add a mail domain</Label>
          <Input
            id="domain"
            name="domain"
            placeholder="example.com"
            autoComplete="off"
            defaultValue={state.typed}
            spellCheck={false}
            aria-invalid={state.error ? true : undefined}
            aria-describedby={state.error ? "domain-error" : undefined}
            required
          />
        </div>
        <Button type="submit" disabled={pending}>
          <Plus aria-hidden />
          {pending ? "Adding…" : "Add domain"}
        </Button>
      </form>
      {state.error ? (
        <Alert tone="bad" className="mt-3" id="domain-error">
          {state.error}
        </Alert>
      ) : null}
      {state.added ? (
        <Alert tone="good" className="mt-3">
          Added {state.added}.
        </Alert>
      ) : null}
    </Card>
  );
}
