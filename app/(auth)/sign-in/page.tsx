import type { Metadata } from "next";
import { Suspense } from "react";
import { redirect } from "next/navigation";
import { SignInForm } from "@/components/auth/sign-in-form";
import { currentUser } from "@/lib/auth/session";
import { getDb } from "@/lib/db/client";
import { isFirstRunOver } from "@/lib/db/users/users";

export const metadata: Metadata = { title: "Sign in" };
export const dynamic = "force-dynamic";

export default async function SignInPage() {
  if (!(await isFirstRunOver(await getDb()))) redirect("/first-run");
  if (await currentUser()) redirect("/domains");
  return (
    <Suspense>
      <SignInForm />
    </Suspense>
  );
}
