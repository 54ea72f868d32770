/** UTC dates as people read them in a table: 2025-04-12 or 2025-04-12 13:05 UTC. */
export const utcDay = (d: Date) => d.toISOString().slice(0, 10);
export const utcMinute = (d: Date) => `${d.toISOString().slice(0, 16).replace("T", " ")} UTC`;

/** "2025-04-12" for a one-day report, else "2025-04-12 → 2025-04-13". */
export function period(start: Date, end: Date): string {
  const a = utcDay(start);
  const b = utcDay(new Date(end.getTime() - 1000));
  return a === b ? a : `${a} → ${b}`;
}

export const CHANNEL_LABEL: Record<string, string> = {
  https: "HTTPS",
  imap: "Mailbox",
  upload: "Upload",
  cli: "CLI",
};
