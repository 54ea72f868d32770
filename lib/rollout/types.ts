// What a live verification saw, stored as plain JSON so the Overview and the domain list
// can show where a domain stands without probing again.

import type { MessageRef } from "@/lib/i18n/message-ref";

export interface DiffLine {
  kind: "same" | "removed" | "added";
  text: string;
}

/** Step 3: the policy fetched from https://mta-sts.<domain>/.well-known/mta-sts.txt. */
export interface PublishVerification {
  at: string;
  /** The current version's id when this ran; null when there was no policy. */
  policyId: string | null;
  url: string;
  address: string | null;
  /** Served exactly as senders need it: status 200, text/plain, valid certificate, same bytes. */
  ok: boolean;
  /** The served bytes equal the current version's body. */
  sameBytes: boolean;
  /** An older version's id when the host still serves that version's body. */
  servesOlderVersion: string | null;
  problems: string[];
  statusLine: string | null;
  contentType: string | null;
  certificate: string | null;
  /** The served text (first 4 KiB), null when nothing was received. */
  served: string | null;
  /** Line diff from the current version (expected) to what was served, when they differ. */
  diff: DiffLine[];
}

export type RecordStatus = "match" | "mismatch" | "missing" | "invalid" | "error";

export interface RecordCheck {
  name: string;
  status: RecordStatus;
  /** The record we expect (null when the app cannot know it, e.g. no rua configured). */
  expected: string | null;
  /** Every TXT record found at the name, joined. */
  found: string[];
  ttl: number | null;
  /** What to do, or what was noticed (order warnings, extra destinations). */
  notes: string[];
  /**
   * Issue 16 §6: for each note, index for index, the record parser's diagnostic it quotes as
   * a ref of the `diagnostics` namespace, or null (the note is shown as is). Absent when no
   * note has one, and in verifications stored before.
   */
  noteRefs?: (MessageRef | null)[];
}

/** Step 4: both TXT records looked up live, plus the MX hosts seen at that moment. */
export interface DnsVerification {
  at: string;
  policyId: string | null;
  sts: RecordCheck & {
    /** The id the _mta-sts record carries (null when missing or invalid). */
    foundId: string | null;
  };
  tlsRpt: RecordCheck;
  /** MX hosts found during this verification (null when the lookup failed). */
  mxHosts: string[] | null;
}
