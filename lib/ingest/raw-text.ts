// The stored raw bytes of a report as text for the audit view: gzip is inflated (capped),
// anything else decoded as UTF-8 with replacement characters. The page renders the result
// as text in a <pre>, never as HTML (RPT-ING-2).
import { gunzipSync } from "node:zlib";

const SHOW = 256 * 1024;

export interface RawText {
  kind: "gzip" | "text";
  text: string;
  truncated: boolean;
}

export function rawAsText(raw: Uint8Array | null): RawText | null {
  if (!raw) return null;
  let bytes = raw;
  let kind: RawText["kind"] = "text";
  if (raw[0] === 0x1f && raw[1] === 0x8b) {
    try {
      bytes = gunzipSync(raw, { maxOutputLength: SHOW + 1 });
    } catch (e) {
      const big = (e as { code?: unknown }).code === "ERR_BUFFER_TOO_LARGE";
      return {
        kind: "gzip",
        text: big
          ? "(over 256 KiB when decompressed: not shown)"
          : "(the gzip data could not be decompressed)",
        truncated: big,
      };
    }
    kind = "gzip";
  }
  const truncated = bytes.length > SHOW;
  return {
    kind,
    text: new TextDecoder("utf-8").decode(truncated ? bytes.subarray(0, SHOW) : bytes),
    truncated,
  };
}
