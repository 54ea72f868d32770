"use client";

import { ChevronDown, Languages, LogOut, UserRound } from "lucide-react";
import Link from "next/link";
import { signOut } from "next-auth/react";
import { useTranslations } from "next-intl";
import { DropdownMenu } from "radix-ui";
import { Badge } from "@/components/ui/badge";
import type { ShellUser } from "./app-shell";

export function UserMenu({ user }: { user: ShellUser }) {
  const t = useTranslations("shell.menu");
  return (
    // Not modal: a modal menu hides the rest of the page with aria-hidden while focusable
    // elements stay in it (axe "aria-hidden-focus", issue 16). The name contains the visible
    // text, name and role, without punctuation between them (WCAG 2.5.3 label in name).
    <DropdownMenu.Root modal={false}>
      <DropdownMenu.Trigger
        className="flex items-center gap-2 rounded-md px-2 py-1.5 text-sm hover:bg-slate-100"
        aria-label={t("label", { name: user.name, role: t("role", { role: user.role }) })}
      >
        <UserRound aria-hidden className="size-4 text-slate-500 sm:hidden" />
        <span className="hidden max-w-40 truncate font-medium sm:inline">{user.name}</span>
        {/* A space, so the visible text reads "name role", as the name does. */}{" "}
        <Badge tone={user.role === "admin" ? "info" : "neutral"}>
          {t("role", { role: user.role })}
        </Badge>
        <ChevronDown aria-hidden className="hidden size-4 text-slate-500 sm:block" />
      </DropdownMenu.Trigger>
      <DropdownMenu.Portal>
        <DropdownMenu.Content
          align="end"
          sideOffset={6}
          className="z-20 min-w-52 rounded-md border border-slate-200 bg-white p-1 text-sm shadow-lg"
        >
          <div className="px-2 py-1.5">
            <div className="font-medium">{user.name}</div>
            <div className="text-xs text-slate-500">{user.email}</div>
          </div>
          <DropdownMenu.Separator className="my-1 h-px bg-slate-100" />
          <DropdownMenu.Item
            asChild
            className="flex cursor-pointer items-center gap-2 rounded px-2 py-1.5 outline-none data-[highlighted]:bg-slate-100"
          >
            <Link href="/account">
              <Languages aria-hidden className="size-4" />
              {t("account")}
            </Link>
          </DropdownMenu.Item>
          <DropdownMenu.Item
            onSelect={() => void signOut({ callbackUrl: "/sign-in" })}
            className="flex cursor-pointer items-center gap-2 rounded px-2 py-1.5 outline-none data-[highlighted]:bg-slate-100"
          >
            <LogOut aria-hidden className="size-4" />
            {t("signOut")}
          </DropdownMenu.Item>
        </DropdownMenu.Content>
      </DropdownMenu.Portal>
    </DropdownMenu.Root>
  );
}
