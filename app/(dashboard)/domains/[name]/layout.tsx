import { notFound } from "next/navigation";
import { DomainHeader } from "@/components/domains/domain-header";
import { requirePageUser } from "@/lib/auth/session";
import { loadDomain } from "./load-domain";

export default async function DomainLayout({
  children,
  params,
}: {
  children: React.ReactNode;
  params: Promise<{ name: string }>;
}) {
  const user = await requirePageUser();
  const domain = await loadDomain((await params).name);
  if (!domain) notFound();
  return (
    <div className="space-y-6">
      <DomainHeader domain={domain} readOnly={user.role !== "admin"} />
      {children}
    </div>
  );
}
