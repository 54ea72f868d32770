import { CopyButton } from "@/components/rollout/copy-button";
import { Alert } from "@/components/ui/alert";

/** A new webhook signing secret, shown this once (the app keeps it sealed). */
export function SecretOnce({ secret }: { secret: string }) {
  return (
    <Alert tone="warn" aria-label="New signing secret">
      <p className="font-medium">Copy the signing secret now: it is not shown again.</p>
      <div className="mt-2 flex flex-wrap items-center gap-2">
        <code data-testid="webhook-secret" className="break-all">
          {secret}
        </code>
        <CopyButton text={secret} label="Copy the signing secret" />
      </div>
    </Alert>
  );
}
