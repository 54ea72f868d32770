"use client";

import { useState } from "react";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { Input, Label } from "@/components/ui/input";
import { useSaveDkimSelectors } from "@/lib/query/domain-mutations";

export function DkimSelectorsForm({ domain, selectors }: { domain: string; selectors: string[] }) {
  const save = useSaveDkimSelectors(domain);
  // What was typed stays after an error; after a save the field shows the list as stored.
  const [typed, setTyped] = useState(selectors.join(", "));
  return (
    <form
      className="space-y-2"
      onSubmit={(e) => {
        e.preventDefault();
        save.mutate({ selectors: typed }, { onSuccess: (r) => setTyped(r.selectors.join(", ")) });
      }}
    >
      <Label htmlFor="dkim-selectors">DKIM selectors</Label>
      <p id="dkim-help" className="text-xs text-slate-600">
        The checker looks up &lt;selector&gt;._domainkey.{domain} for each one (CHK-AUTH-3).
        Separate them with commas or spaces.
      </p>
      <div className="flex flex-col gap-2 sm:flex-row">
        <Input
          id="dkim-selectors"
          name="selectors"
          value={typed}
          onChange={(e) => setTyped(e.target.value)}
          placeholder="s1, google"
          spellCheck={false}
          autoComplete="off"
          aria-describedby="dkim-help"
          aria-invalid={save.error ? true : undefined}
        />
        <Button type="submit" variant="secondary" disabled={save.isPending}>
          {save.isPending ? "Saving…" : "Save selectors"}
        </Button>
      </div>
      {save.error ? <Alert tone="bad">{save.error.message}</Alert> : null}
      {save.data ? (
        <Alert tone="good">
          {save.data.selectors.length === 0
            ? "Saved: no DKIM selectors."
            : `Saved: ${save.data.selectors.join(", ")}.`}
        </Alert>
      ) : null}
    </form>
  );
}
