import { ShieldCheck } from "lucide-react";

export default function AuthLayout({ children }: { children: React.ReactNode }) {
  return (
    <main className="flex min-h-screen items-center justify-center px-4 py-10">
      <div className="w-full max-w-sm">
        <div className="mb-6 flex items-center justify-center gap-2 text-brand-700">
          <ShieldCheck aria-hidden className="size-7" />
          <span className="text-xl font-semibold">STS Rollout</span>
        </div>
        {children}
      </div>
    </main>
  );
}
