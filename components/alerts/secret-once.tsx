import { useTranslations } from "next-intl";
import { CopyButton } from "@/components/rollout/copy-button";
import { Alert } from "@/components/ui/alert";

/** A new webhook signing secret, shown this once (the app keeps it sealed). */
export function SecretOnce({ secret }: { secret: string }) {
  const t = useTranslations("alerts.secret");
  return (
    <Alert tone="warn" aria-label={t("label")}>
      <p className="font-medium">{t("copyNow")}</p>
      <div className="mt-2 flex flex-wrap items-center gap-2">
        <code data-testid="webhook-secret" className="break-all">
          {secret}
        </code>
        <CopyButton text={secret} label={t("copy")} />
      </div>
    </Alert>
  );
}
