"use client";

import { signIn } from "next-auth/react";
import { useRouter, useSearchParams } from "next/navigation";
import { useTranslations } from "next-intl";
import { useState } from "react";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { Card } from "@/components/ui/card";
import { TextField } from "@/components/ui/input";
import { safeCallbackPath } from "@/lib/auth/safe-redirect";
import { signInErrorRef } from "@/lib/auth/sign-in-messages";

export function SignInForm() {
  const t = useTranslations("auth.signIn");
  const router = useRouter();
  const params = useSearchParams();
  const [error, setError] = useState<string | null>(null);
  const [pending, setPending] = useState(false);

  async function onSubmit(e: React.FormEvent<HTMLFormElement>) {
    e.preventDefault();
    setPending(true);
    setError(null);
    const form = new FormData(e.currentTarget);
    const res = await signIn("credentials", {
      email: String(form.get("email") ?? ""),
      password: String(form.get("password") ?? ""),
      redirect: false,
    });
    setPending(false);
    if (!res || res.error) {
      const ref = signInErrorRef(res?.error ?? "");
      setError(t(ref.key as Parameters<typeof t>[0], ref.params));
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
        />
        <TextField
          label={t("password")}
          id="password"
          name="password"
          type="password"
          autoComplete="current-password"
          required
        />
        {error ? <Alert tone="bad">{error}</Alert> : null}
        <Button type="submit" className="w-full" disabled={pending}>
          {pending ? t("pending") : t("submit")}
        </Button>
      </form>
    </Card>
  );
}
