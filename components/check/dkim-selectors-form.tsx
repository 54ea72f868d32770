"use client";

import { useActionState } from "react";
import {
  saveDkimSelectorsAction,
  type DkimFormState,
} from "@/app/(dashboard)/domains/[name]/check/actions";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { Input, Label } from "@/components/ui/input";

export function DkimSelectorsForm({ domain, selectors }: { domain: string; selectors: string[] }) {
  const [state, action, pending] = useActionState<DkimFormState, FormData>(
    saveDkimSelectorsAction,
    { typed: selectors.join(", ") },
  );
  return (
    <form action={action} className="space-y-2">
      <input type="hidden" name="domain" value={domain} />
      <Label htmlFor="dkim-selectors">DKIM selectors</Label>
      <p id="dkim-help" className="text-xs text-slate-600">
        The checker looks up &lt;selector&gt;._domainkey.{domain} for each one (CHK-AUTH-3).
        Separate them with commas or spaces.
      </p>
      <div className="flex flex-col gap-2 sm:flex-row">
        <Input
          id="dkim-selectors"
          name="selectors"
          key={state.typed ?? ""}
          defaultValue={state.typed}
          placeholder="s1, google"
          spellCheck={false}
          autoComplete="off"
          aria-describedby="dkim-help"
          aria-invalid={state.error ? true : undefined}
        />
        <Button type="submit" variant="secondary" disabled={pending}>
          {pending ? "Saving…" : "Save selectors"}
        </Button>
      </div>
      {state.error ? <Alert tone="bad">{state.error}</Alert> : null}
      {state.saved ? (
        <Alert tone="good">
          {state.saved.length === 0
            ? "Saved: no DKIM selectors."
            : `Saved: ${state.saved.join(", ")}.`}
        </Alert>
      ) : null}
    </form>
  );
}
