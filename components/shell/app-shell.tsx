import { Globe, History, Settings, ShieldCheck, Users } from "lucide-react";
import Link from "next/link";
import { getTranslations } from "next-intl/server";
import { NavLink } from "./nav-link";
import { UserMenu } from "./user-menu";

export interface ShellUser {
  name: string;
  email: string;
  role: "admin" | "viewer";
}

export async function AppShell({ user, children }: { user: ShellUser; children: React.ReactNode }) {
  const t = await getTranslations("shell");
  return (
    <div className="min-h-screen">
      <a
        href="#main"
        className="sr-only focus:not-sr-only focus:absolute focus:left-2 focus:top-2 focus:rounded focus:bg-white focus:px-3 focus:py-2"
      >
        {t("skipToContent")}
      </a>
      <header className="sticky top-0 z-10 border-b border-slate-200 bg-white">
        <div className="mx-auto flex h-14 max-w-6xl items-center gap-2 px-4 sm:gap-6">
          <Link href="/domains" className="flex items-center gap-2 font-semibold text-brand-700">
            <ShieldCheck aria-hidden className="size-6" />
            {/* Visible from sm up; on phones it stays as the link's name (issue 16). */}
            <span className="sr-only sm:not-sr-only">STS Rollout</span>
          </Link>
          <nav aria-label={t("nav.label")} className="flex items-center gap-1">
            <NavLink href="/domains" icon={<Globe aria-hidden />}>
              {t("nav.domains")}
            </NavLink>
            {user.role === "admin" ? (
              <NavLink href="/users" icon={<Users aria-hidden />}>
                {t("nav.users")}
              </NavLink>
            ) : null}
            <NavLink href="/audit" icon={<History aria-hidden />}>
              {t("nav.audit")}
            </NavLink>
            {user.role === "admin" ? (
              <NavLink href="/settings" icon={<Settings aria-hidden />}>
                {t("nav.settings")}
              </NavLink>
            ) : null}
          </nav>
          <div className="ml-auto">
            <UserMenu user={user} />
          </div>
        </div>
      </header>
      <main id="main" className="mx-auto max-w-6xl px-4 py-6">
        {children}
      </main>
    </div>
  );
}
