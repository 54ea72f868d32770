import type { Locale } from "./locale";
import deAccount from "@/messages/de/account.json";
import deAuth from "@/messages/de/auth.json";
import deUsers from "@/messages/de/users.json";
import deSteps from "@/messages/de/steps.json";
import deWizard from "@/messages/de/wizard.json";
import deCheck from "@/messages/de/check.json";
import deEnforce from "@/messages/de/enforce.json";
import deErrors from "@/messages/de/errors.json";
import deReadiness from "@/messages/de/readiness.json";
import deShell from "@/messages/de/shell.json";
import enAccount from "@/messages/en/account.json";
import enAuth from "@/messages/en/auth.json";
import enUsers from "@/messages/en/users.json";
import enSteps from "@/messages/en/steps.json";
import enWizard from "@/messages/en/wizard.json";
import enCheck from "@/messages/en/check.json";
import enEnforce from "@/messages/en/enforce.json";
import enErrors from "@/messages/en/errors.json";
import enReadiness from "@/messages/en/readiness.json";
import enShell from "@/messages/en/shell.json";

// Every UI text, per language (issue 16 §6). One JSON file per area and language
// (messages/<locale>/<area>.json); each file is one namespace, named like the file, so
// areas are added and changed side by side without touching each other's files. Adding an
// area = two imports and one line per language below. lib/i18n/messages.test.ts fails when a
// key or a placeholder is missing in either language.

const en = {
  account: enAccount,
  auth: enAuth,
  check: enCheck,
  enforce: enEnforce,
  errors: enErrors,
  readiness: enReadiness,
  shell: enShell,
  steps: enSteps,
  users: enUsers,
  wizard: enWizard,
};

export type Messages = typeof en;

const de: Messages = {
  account: deAccount,
  auth: deAuth,
  check: deCheck,
  enforce: deEnforce,
  errors: deErrors,
  readiness: deReadiness,
  shell: deShell,
  steps: deSteps,
  users: deUsers,
  wizard: deWizard,
};

export const MESSAGES: Record<Locale, Messages> = { en, de };
