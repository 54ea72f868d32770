import { getTranslations } from "next-intl/server";
import type { Messages } from "@/lib/i18n/messages";
import { domainTitle } from "../page-title";

// The reports pages' titles in the reader's language (issue 16 §6), e.g.
// "Empfangene Berichte · example.com · STS Rollout"; domainTitle adds the domain.
export const reportsTitle =
  (page: keyof Messages["reports"]["titles"]) =>
  async (props: { params: Promise<{ name: string }> }) =>
    domainTitle((await getTranslations("reports.titles"))(page))(props);
