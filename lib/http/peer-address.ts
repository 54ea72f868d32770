import http, { type IncomingMessage, type ServerResponse } from "node:http";
import https from "node:https";
import { requestStarted } from "@/lib/core/background-turn";

// The socket peer of a request, for the public endpoints' limits. A Next 16 route handler
// sees only a Web Request: NextRequest.ip is gone, and `next start` copies the socket
// address into X-Forwarded-For only when the request has no such header
// (base-server.js: `req.headers['x-forwarded-for'] ??= socket.remoteAddress`), so a client
// that sends its own X-Forwarded-For hides its address from the app.
//
// So the server process (instrumentation.ts) installs a stamp: for every request the HTTP
// server emits, it writes the socket's remote address into PEER_HEADER, replacing whatever
// the client sent under that name. Route handlers read it with peerAddress(). Until the
// stamp is installed the header is a client's claim and is never read.

export const PEER_HEADER = "x-sts-peer-address";

const state = globalThis as unknown as { __stsPeerStamp?: boolean };

/** Stamps (and counts) every request of every HTTP(S) server in this process; idempotent. */
export function installPeerStamp(): void {
  if (state.__stsPeerStamp) return;
  for (const proto of [http.Server.prototype, https.Server.prototype]) {
    const emit = proto.emit;
    proto.emit = function stampedEmit(
      this: http.Server,
      event: string | symbol,
      ...args: unknown[]
    ) {
      if (event === "request") {
        stamp(args[0] as IncomingMessage);
        countOpen(args[1] as ServerResponse);
      }
      return Reflect.apply(emit, this, [event, ...args]) as boolean;
    } as typeof proto.emit;
  }
  state.__stsPeerStamp = true;
}

/** The same hook counts the requests being answered, so background work waits for a quiet
 * moment (lib/core/background-turn.ts). A streamed answer (a check's progress, one JSON line
 * per event) stays open as long as what it reports, which is background work itself: it
 * stops counting once its headers are out. */
function countOpen(res: ServerResponse | undefined): void {
  if (!res) return;
  const done = requestStarted();
  res.once("finish", done);
  res.once("close", done);
  const writeHead = res.writeHead;
  res.writeHead = function countedWriteHead(this: ServerResponse, ...args: unknown[]) {
    const out = Reflect.apply(writeHead, this, args) as ServerResponse;
    if (isStream(res.getHeader("content-type")) || args.some(namesStream)) done();
    return out;
  } as typeof res.writeHead;
}

const STREAMED = /^\s*(application\/x-ndjson|text\/event-stream)\b/i;
const isStream = (value: unknown): boolean => typeof value === "string" && STREAMED.test(value);

/** writeHead's headers argument, as an object or a flat [name, value, …] list. */
function namesStream(arg: unknown): boolean {
  if (Array.isArray(arg))
    return arg.some(
      (v, i) => i % 2 === 0 && /^content-type$/i.test(String(v)) && isStream(arg[i + 1]),
    );
  if (arg === null || typeof arg !== "object") return false;
  return Object.entries(arg).some(([k, v]) => /^content-type$/i.test(k) && isStream(v));
}

function stamp(req: IncomingMessage): void {
  req.headers[PEER_HEADER] = req.socket?.remoteAddress ?? "";
}

/** The stamped socket peer, or null when the stamp is not installed in this process. */
export function peerAddress(req: Request): string | null {
  return stampedPeer(req.headers.get(PEER_HEADER));
}

/** The same, from the header's value (for callers that get plain header records). */
export function stampedPeer(value: string | null | undefined): string | null {
  if (!state.__stsPeerStamp) return null;
  return value || null;
}
