"use client";

import { signIn } from "next-auth/react";
import { useRouter, useSearchParams } from "next/navigation";
import { useTranslations } from "next-intl";
import { useEffect, useState } from "react";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { Card } from "@/components/ui/card";
import { TextField } from "@/components/ui/input";
import { safeCallbackPath } from "@/lib/auth/safe-redirect";
import { signInErrorRef } from "@/lib/auth/sign-in-messages";

const ERROR_ID = "sign-in-error";

export function SignInForm() {
  const t = useTranslations("auth.signIn");
  const router = useRouter();
  const params = useSearchParams();
  const [error, setError] = useState<string | null>(null);
  const [pending, setPending] = useState(false);
  // Issue 16: after a failed attempt, focus moves to the error (each attempt's, again).
  const [attempt, setAttempt] = useState(0);
  useEffect(() => {
    if (attempt > 0) document.getElementById(ERROR_ID)?.focus();
  }, [attempt]);
  const invalid = error
    ? ({ "aria-invalid": true, "aria-describedby": ERROR_ID } as const)
    : ({} as const);

  async function onSubmit(e: React.FormEvent<HTMLFormElement>) {
    e.preventDefault();
    setPending(true);
    setError(null);
    const form = new FormData(e.currentTarget);
    // signIn() throws when the answer is not next-auth's JSON (a proxy's error page) or
    // the network fails: the form says so rather than staying on "Signing in…".
    const res = await signIn("credentials", {
      email: String(form.get("email") ?? ""),
      password: String(form.get("password") ?? ""),
      redirect: false,
    }).catch(() => "unreachable" as const);
    setPending(false);
    if (res === "unreachable" || !res || res.error) {
      const ref = res === "unreachable" ? { key: "unreachable" } : signInErrorRef(res?.error ?? "");
      setError(t(ref.key as Parameters<typeof t>[0], ref.params));
      setAttempt((n) => n + 1);
      return;
    }
    // Only a path on this origin; anything else lands on the domain list.
    router.replace(safeCallbackPath(params.get("callbackUrl"), window.location.origin));
    router.refresh();
  }

  return (
    <Card className="p-6">
      <h1 className="text-lg font-semibold">{t("title")}</h1>
      {params.get("created") ? (
        <Alert tone="good" className="mt-3">
          {t("created")}
        </Alert>
      ) : null}
      <form onSubmit={onSubmit} className="mt-5 space-y-4">
        <TextField
          label={t("email")}
          id="email"
          name="email"
          type="email"
          autoComplete="username"
          required
          {...invalid}
        />
        <TextField
          label={t("password")}
          id="password"
          name="password"
          type="password"
          autoComplete="current-password"
          required
          {...invalid}
        />
        {error ? (
          <Alert tone="bad" id={ERROR_ID} tabIndex={-1}>
            {error}
          </Alert>
        ) : null}
        <Button type="submit" className="w-full" disabled={pending}>
          {pending ? t("pending") : t("submit")}
        </Button>
      </form>
    </Card>
  );
}
