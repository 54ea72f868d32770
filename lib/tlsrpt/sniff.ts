// RPT-QUIRK-10: decide the container from the bytes, never from the media type.
export type Container = "json" | "gzip" | "eml" | "zip" | "unknown";

const isSpace = (b: number | undefined) => b === 0x20 || b === 0x09 || b === 0x0a || b === 0x0d;

export function sniff(bytes: Uint8Array): Container {
  if (bytes[0] === 0x1f && bytes[1] === 0x8b) return "gzip";
  if (bytes[0] === 0x50 && bytes[1] === 0x4b && bytes[2] === 0x03 && bytes[3] === 0x04)
    return "zip";
  let i = bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf ? 3 : 0;
  while (i < bytes.length && isSpace(bytes[i])) i++;
  const first = bytes[i];
  if (first === 0x7b || first === 0x5b) return "json";
  return looksLikeEmail(bytes, i) ? "eml" : "unknown";
}

/** An RFC 5322 message starts with header fields: `Name: value` (or an mbox `From ` line). */
function looksLikeEmail(bytes: Uint8Array, start: number): boolean {
  const head = Buffer.from(
    bytes.buffer,
    bytes.byteOffset + start,
    Math.min(bytes.length - start, 1024),
  ).toString("latin1");
  return /^(From [^\r\n]*\r?\n)?[!-9;-~]+:[^\r\n]*\r?\n/.test(head);
}
