// zod takes one message per check and hands back only that text; a table of English
// messages by their message key (ARCHITECTURE.md "Languages") gives the schema its English
// and the route the key of the message that came back. The table is the one source of both.

/** The key whose English is `message`, if the table has it (zod's own messages are not). */
export function keyOfMessage<K extends string>(
  table: Readonly<Record<K, string>>,
  message: string,
): K | undefined {
  return (Object.keys(table) as K[]).find((k) => table[k] === message);
}
