// SMTP replies from a server we do not control (issue 11, deliverable 11): read in linear
// time and capped, so an endless "250-…" or a 1 MiB line ends in a clear failure instead of
// memory growth. Each chunk is scanned once; only the unfinished line is carried over.

/** At most this many bytes in one reply (all its lines, CRLFs included). */
export const MAX_REPLY_BYTES = 65_536;
/** At most this many lines in one reply (an EHLO reply has about ten). */
export const MAX_REPLY_LINES = 200;

export interface SmtpReply {
  code: number;
  lines: string[];
}

/** Why the reader stopped for good; the caller turns it into a NetError. */
export type ReplyProblem = string;

const isDigit = (c: number) => c >= 48 && c <= 57;

/** "250 ok" or "250" ends a reply; "250-…" and anything else continue it. */
function isLastLine(line: string): boolean {
  return (
    line.length >= 3 &&
    isDigit(line.charCodeAt(0)) &&
    isDigit(line.charCodeAt(1)) &&
    isDigit(line.charCodeAt(2)) &&
    (line.length === 3 || line.charCodeAt(3) === 32)
  );
}

export class ReplyReader {
  /** The line being received (no LF seen yet); bounded by MAX_REPLY_BYTES. */
  private partial = "";
  private lines: string[] = [];
  private bytes = 0;
  private readonly done: SmtpReply[] = [];
  private problem: ReplyProblem | null = null;

  /** Feeds one chunk (latin1). Returns a problem once a cap is passed; then stop reading. */
  push(chunk: string): ReplyProblem | null {
    if (this.problem) return this.problem;
    let start = 0;
    for (;;) {
      const lf = chunk.indexOf("\n", start);
      if (lf === -1) {
        this.partial += chunk.slice(start);
        this.bytes += chunk.length - start;
        break;
      }
      let line = this.partial + chunk.slice(start, lf);
      this.bytes += lf + 1 - start;
      this.partial = "";
      start = lf + 1;
      if (line.endsWith("\r")) line = line.slice(0, -1);
      this.lines.push(line);
      if (this.bytes > MAX_REPLY_BYTES) break;
      if (isLastLine(line)) {
        this.done.push({ code: Number(line.slice(0, 3)), lines: this.lines });
        this.lines = [];
        this.bytes = 0;
      } else if (this.lines.length >= MAX_REPLY_LINES) {
        this.problem = `reply has more than ${MAX_REPLY_LINES} lines without a final line`;
        return this.problem;
      }
    }
    if (this.bytes > MAX_REPLY_BYTES) {
      this.problem =
        this.lines.length === 0
          ? `reply line longer than ${MAX_REPLY_BYTES} bytes`
          : `reply longer than ${MAX_REPLY_BYTES} bytes`;
      this.partial = "";
      this.lines = [];
    }
    return this.problem;
  }

  /** The next complete reply, if one has arrived. */
  next(): SmtpReply | undefined {
    return this.done.shift();
  }

  /** Forget everything received so far (TLS-3: nothing from before STARTTLS counts). */
  reset(): void {
    this.partial = "";
    this.lines = [];
    this.bytes = 0;
    this.done.length = 0;
  }
}
