import type { Locale } from "./locale";
import deAccount from "@/messages/de/account.json";
import deAudit from "@/messages/de/audit.json";
import deAuth from "@/messages/de/auth.json";
import deDomains from "@/messages/de/domains.json";
import deSettings from "@/messages/de/settings.json";
import deUi from "@/messages/de/ui.json";
import deUsers from "@/messages/de/users.json";
import deSteps from "@/messages/de/steps.json";
import deWizard from "@/messages/de/wizard.json";
import deCheck from "@/messages/de/check.json";
import deDiagnostics from "@/messages/de/diagnostics.json";
import deApiErrors from "@/messages/de/api-errors.json";
import deChecks from "@/messages/de/checks.json";
import deEnforce from "@/messages/de/enforce.json";
import deErrors from "@/messages/de/errors.json";
import deReadiness from "@/messages/de/readiness.json";
import deReadinessReasons from "@/messages/de/readiness-reasons.json";
import deReports from "@/messages/de/reports.json";
import deShell from "@/messages/de/shell.json";
import deReadinessTables from "@/messages/de/readinessTables.json";
import deReadinessEvidence from "@/messages/de/readinessEvidence.json";
import deTlsrptReader from "@/messages/de/tlsrptReader.json";
import deAlerts from "@/messages/de/alerts.json";
import deAlertText from "@/messages/de/alertText.json";
import deTimeline from "@/messages/de/timeline.json";
import deFindings from "@/messages/de/findings.json";
import enAccount from "@/messages/en/account.json";
import enAudit from "@/messages/en/audit.json";
import enAuth from "@/messages/en/auth.json";
import enDomains from "@/messages/en/domains.json";
import enSettings from "@/messages/en/settings.json";
import enUi from "@/messages/en/ui.json";
import enUsers from "@/messages/en/users.json";
import enSteps from "@/messages/en/steps.json";
import enWizard from "@/messages/en/wizard.json";
import enCheck from "@/messages/en/check.json";
import enDiagnostics from "@/messages/en/diagnostics.json";
import enApiErrors from "@/messages/en/api-errors.json";
import enChecks from "@/messages/en/checks.json";
import enEnforce from "@/messages/en/enforce.json";
import enErrors from "@/messages/en/errors.json";
import enReadiness from "@/messages/en/readiness.json";
import enReadinessReasons from "@/messages/en/readiness-reasons.json";
import enReports from "@/messages/en/reports.json";
import enShell from "@/messages/en/shell.json";
import enReadinessTables from "@/messages/en/readinessTables.json";
import enReadinessEvidence from "@/messages/en/readinessEvidence.json";
import enTlsrptReader from "@/messages/en/tlsrptReader.json";
import enAlerts from "@/messages/en/alerts.json";
import enAlertText from "@/messages/en/alertText.json";
import enTimeline from "@/messages/en/timeline.json";
import enFindings from "@/messages/en/findings.json";

// Every UI text, per language (issue 16 §6). One JSON file per area and language
// (messages/<locale>/<area>.json); each file is one namespace, named like the file, so
// areas are added and changed side by side without touching each other's files. Adding an
// area = two imports and one line per language below. lib/i18n/messages.test.ts fails when a
// key or a placeholder is missing in either language.

const en = {
  account: enAccount,
  apiErrors: enApiErrors,
  audit: enAudit,
  auth: enAuth,
  domains: enDomains,
  settings: enSettings,
  ui: enUi,
  check: enCheck,
  diagnostics: enDiagnostics,
  checks: enChecks,
  enforce: enEnforce,
  errors: enErrors,
  readiness: enReadiness,
  readinessReasons: enReadinessReasons,
  reports: enReports,
  shell: enShell,
  steps: enSteps,
  users: enUsers,
  wizard: enWizard,
  readinessTables: enReadinessTables,
  readinessEvidence: enReadinessEvidence,
  tlsrptReader: enTlsrptReader,
  alerts: enAlerts,
  alertText: enAlertText,
  timeline: enTimeline,
  findings: enFindings,
};

export type Messages = typeof en;

const de: Messages = {
  account: deAccount,
  apiErrors: deApiErrors,
  audit: deAudit,
  auth: deAuth,
  domains: deDomains,
  settings: deSettings,
  ui: deUi,
  check: deCheck,
  diagnostics: deDiagnostics,
  checks: deChecks,
  enforce: deEnforce,
  errors: deErrors,
  readiness: deReadiness,
  readinessReasons: deReadinessReasons,
  reports: deReports,
  shell: deShell,
  steps: deSteps,
  users: deUsers,
  wizard: deWizard,
  readinessTables: deReadinessTables,
  readinessEvidence: deReadinessEvidence,
  tlsrptReader: deTlsrptReader,
  alerts: deAlerts,
  alertText: deAlertText,
  timeline: deTimeline,
  findings: deFindings,
};

export const MESSAGES: Record<Locale, Messages> = { en, de };
