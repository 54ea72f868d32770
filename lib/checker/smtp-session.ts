import { connect as netConnect, type Socket } from "node:net";
import type { TLSSocket } from "node:tls";
import { ReplyReader, type SmtpReply } from "./smtp-reply";

/**
 * Why a network step ended without an answer. "aborted" = the overall deadline or the caller;
 * "protocol" = the server broke the protocol (e.g. a reply past the size caps).
 */
export type NetFailure = "timeout" | "refused" | "closed" | "aborted" | "protocol" | "error";

export class NetError extends Error {
  constructor(
    readonly kind: NetFailure,
    message: string,
    /** The system error code, e.g. "ENETUNREACH". */
    readonly code?: string,
  ) {
    super(message);
  }
}

/** Connect errors that mean this machine has no route for the address family (no IPv6). */
export const UNREACHABLE_CODES: ReadonlySet<string> = new Set([
  "ENETUNREACH",
  "EADDRNOTAVAIL",
  "EAFNOSUPPORT",
]);

export function toNetError(e: unknown): NetError {
  if (e instanceof NetError) return e;
  const code = (e as { code?: string }).code;
  const raw = e instanceof Error ? e.message : String(e);
  // OpenSSL errors are long; keep the reason ("tlsv1 alert protocol version").
  const message = /SSL routines:[^:]*:([^:]+):/.exec(raw)?.[1] ?? raw.split("\n")[0] ?? raw;
  if (code === "ECONNREFUSED") return new NetError("refused", "connection refused");
  if (code === "ABORT_ERR") return new NetError("aborted", "stopped: overall deadline reached");
  return new NetError("error", code ? `${code}: ${message}` : message, code);
}

/**
 * A line-oriented SMTP conversation over a plain or TLS socket, with a timeout per reply.
 * Replies are capped (smtp-reply.ts): past a cap the socket is closed and the read fails.
 */
export class SmtpConversation {
  private reader = new ReplyReader();
  private waiter: (() => void) | null = null;
  private ended: NetError | null = null;

  constructor(
    private socket: Socket | TLSSocket,
    private readonly timeoutMs: number,
    private readonly signal?: AbortSignal,
  ) {
    this.attach(socket);
  }

  /** After STARTTLS: read from the TLS socket instead (TLS-3: forget what came before). */
  switchTo(socket: TLSSocket): void {
    this.socket.removeAllListeners("data");
    this.reader.reset();
    this.socket = socket;
    this.attach(socket);
  }

  private attach(socket: Socket | TLSSocket): void {
    socket.setEncoding("latin1");
    socket.on("data", (chunk: string) => {
      const problem = this.reader.push(chunk);
      if (problem && !this.ended) {
        this.ended = new NetError("protocol", problem);
        socket.removeAllListeners("data");
        socket.destroy();
      }
      this.waiter?.();
    });
    socket.on("close", () => {
      this.ended ??= new NetError("closed", "the server closed the connection");
      this.waiter?.();
    });
    socket.on("error", (e) => {
      this.ended ??= toNetError(e);
      this.waiter?.();
    });
  }

  /** Reads one complete (possibly multi-line) reply: "250-a", "250 b" → code 250, lines. */
  async readReply(): Promise<SmtpReply> {
    const deadline = Date.now() + this.timeoutMs;
    for (;;) {
      const reply = this.reader.next();
      if (reply) return reply;
      if (this.ended) throw this.ended;
      await this.wait(deadline - Date.now());
    }
  }

  private wait(ms: number): Promise<void> {
    return new Promise((resolve, reject) => {
      if (this.signal?.aborted) return reject(new NetError("aborted", "stopped: deadline"));
      const onAbort = () => finish(new NetError("aborted", "stopped: overall deadline reached"));
      const timer = setTimeout(
        () => finish(new NetError("timeout", `no reply within ${this.timeoutMs} ms`)),
        Math.max(ms, 0),
      );
      const finish = (e?: NetError) => {
        clearTimeout(timer);
        this.signal?.removeEventListener("abort", onAbort);
        this.waiter = null;
        if (e) reject(e);
        else resolve();
      };
      this.signal?.addEventListener("abort", onAbort, { once: true });
      this.waiter = () => finish();
    });
  }

  async command(line: string): Promise<SmtpReply> {
    this.socket.write(`${line}\r\n`);
    return this.readReply();
  }
}

/** TCP connect with a timeout that also honours the abort signal. */
export function tcpConnect(
  host: string,
  port: number,
  timeoutMs: number,
  signal?: AbortSignal,
): Promise<Socket> {
  return new Promise((resolve, reject) => {
    if (signal?.aborted) return reject(new NetError("aborted", "stopped: deadline"));
    const socket = netConnect({ host, port });
    const finish = (e?: NetError) => {
      clearTimeout(timer);
      signal?.removeEventListener("abort", onAbort);
      socket.removeListener("error", onError);
      if (e) {
        socket.destroy();
        reject(e);
      } else resolve(socket);
    };
    const onAbort = () => finish(new NetError("aborted", "stopped: overall deadline reached"));
    const onError = (e: Error) => finish(toNetError(e));
    const timer = setTimeout(
      () => finish(new NetError("timeout", `no TCP connection within ${timeoutMs} ms`)),
      timeoutMs,
    );
    signal?.addEventListener("abort", onAbort, { once: true });
    socket.once("error", onError);
    socket.once("connect", () => finish());
  });
}
