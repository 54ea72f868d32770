import Link from "next/link";

export default function NotFound() {
  return (
    <main className="flex min-h-screen flex-col items-center justify-center gap-3 px-4 text-center">
      <h1 className="text-2xl font-semibold">Page not found</h1>
      <p className="text-sm text-slate-600">There is nothing at this address.</p>
      <Link href="/domains" className="text-sm font-medium text-brand-700 hover:underline">
        Go to your domains
      </Link>
    </main>
  );
}
