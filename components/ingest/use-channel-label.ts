import { useTranslations } from "next-intl";
import { isChannel } from "./format";

/** A report channel's name in the reader's language ("Mailbox", "Postfach"); unknown ones verbatim. */
export function useChannelLabel(): (channel: string) => string {
  const t = useTranslations("reports.channel");
  return (channel) => (isChannel(channel) ? t(channel) : channel);
}
