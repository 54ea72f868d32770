"use client";

import { Alert } from "@/components/ui/alert";
import { useSetHosting } from "@/lib/query/domain-mutations";

type Hosting = "hosted" | "self";

const TEXT: Record<Hosting, [string, string]> = {
  hosted: [
    "Hosted by STS Rollout",
    "This app serves the current version; point mta-sts.<domain> at it.",
  ],
  self: [
    "Self-hosted",
    "You serve the file on your own web server; we give you the file and the configuration.",
  ],
};

export function HostingChoice({
  domain,
  hosting,
  canEdit,
}: {
  domain: string;
  hosting: Hosting;
  canEdit: boolean;
}) {
  const change = useSetHosting(domain);
  return (
    <fieldset className="space-y-2 p-5">
      <legend className="sr-only">Who serves the policy</legend>
      {(["hosted", "self"] as const).map((h) => (
        <label key={h} className="flex items-start gap-2 text-sm">
          <input
            type="radio"
            name="hosting"
            value={h}
            checked={hosting === h}
            disabled={!canEdit || change.isPending}
            onChange={() => change.mutate(h)}
            className="mt-1"
          />
          <span>
            <span className="font-medium">{TEXT[h][0]}</span>
            <span className="block text-slate-600">{TEXT[h][1].replace("<domain>", domain)}</span>
          </span>
        </label>
      ))}
      {change.isError ? <Alert tone="bad">{change.error.message}</Alert> : null}
    </fieldset>
  );
}
