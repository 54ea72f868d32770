import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { FirstRunForm } from "@/components/auth/first-run-form";
import { getDb } from "@/lib/db/client";
import { isFirstRunOver } from "@/lib/db/users/users";

export const metadata: Metadata = { title: "Create the first admin" };
export const dynamic = "force-dynamic";

// Public only while no user exists; afterwards it is gone for good (404).
export default async function FirstRunPage() {
  if (await isFirstRunOver(await getDb())) notFound();
  return <FirstRunForm />;
}
