import { request, type RequestOptions } from "node:https";
import type { SecureContext, TLSSocket } from "node:tls";
import { describeCert, type CertInfo } from "./cert-info";
import { checkerSecureContext } from "./secure-context";
import { NetError, toNetError } from "./smtp-session";

/** STS-FETCH-9: senders stop at 64 KiB. We read one byte more to know it was exceeded. */
export const POLICY_SIZE_LIMIT = 65536;

export interface PolicyFetchInput {
  /** mta-sts.<domain>: SNI, Host header and the name the certificate must carry. */
  host: string;
  ip: string;
  port: number;
  ca?: string[];
  timeoutMs: number;
  signal?: AbortSignal;
  now: number;
}

export interface PolicyFetchOutcome {
  failure: NetError | null;
  /** Set once the TLS handshake completed. */
  tls: {
    protocol: string;
    chainValid: boolean;
    chainError: string | null;
    cert: CertInfo | null;
  } | null;
  status: number | null;
  statusLine: string | null;
  contentType: string | null;
  location: string | null;
  body: Buffer | null;
  /** The body went past POLICY_SIZE_LIMIT; `body` holds the first bytes only. */
  oversize: boolean;
  ms: number;
}

/**
 * GET https://mta-sts.<d>/.well-known/mta-sts.txt exactly as a sender does (STS-FETCH-1…10):
 * SNI = host, no redirects followed (https.request never follows them), no HTTP cache,
 * 64 KiB cap, one total time limit. The certificate is judged by the caller (SAN only).
 */
export function fetchPolicy(input: PolicyFetchInput): Promise<PolicyFetchOutcome> {
  const started = Date.now();
  const out: PolicyFetchOutcome = {
    failure: null,
    tls: null,
    status: null,
    statusLine: null,
    contentType: null,
    location: null,
    body: null,
    oversize: false,
    ms: 0,
  };
  return new Promise((resolve) => {
    let settled = false;
    const finish = (failure?: NetError) => {
      if (settled) return;
      settled = true;
      clearTimeout(timer);
      input.signal?.removeEventListener("abort", onAbort);
      req.destroy();
      if (failure) out.failure = failure;
      out.ms = Date.now() - started;
      resolve(out);
    };
    // https.request hands its options to tls.connect, secureContext included (its type
    // leaves that option out).
    const options: RequestOptions & { secureContext: SecureContext } = {
      host: input.ip,
      port: input.port,
      servername: input.host,
      path: "/.well-known/mta-sts.txt",
      method: "GET",
      headers: {
        Host: input.host,
        "Cache-Control": "no-cache",
        "User-Agent": "sts-rollout-checker",
      },
      // The trust store as one shared context (secure-context.ts).
      secureContext: checkerSecureContext(input.ca ? { ca: input.ca } : {}),
      rejectUnauthorized: false,
      checkServerIdentity: () => undefined,
      agent: false,
    };
    const req = request(options);
    const onAbort = () => finish(new NetError("aborted", "stopped: overall deadline reached"));
    const timer = setTimeout(
      () => finish(new NetError("timeout", `no complete answer within ${input.timeoutMs} ms`)),
      input.timeoutMs,
    );
    input.signal?.addEventListener("abort", onAbort, { once: true });
    req.on("error", (e) => finish(toNetError(e)));
    req.on("socket", (socket) => {
      socket.once("secureConnect", () => {
        const tls = socket as TLSSocket;
        const peer = tls.getPeerX509Certificate();
        out.tls = {
          protocol: tls.getProtocol() ?? "unknown",
          chainValid: tls.authorized,
          chainError: tls.authorizationError ? String(tls.authorizationError) : null,
          cert: peer ? describeCert(peer, input.now) : null,
        };
      });
    });
    req.on("response", (res) => {
      out.status = res.statusCode ?? null;
      out.statusLine =
        `HTTP/${res.httpVersion} ${res.statusCode} ${res.statusMessage ?? ""}`.trim();
      out.contentType = res.headers["content-type"] ?? null;
      out.location = res.headers.location ?? null;
      const chunks: Buffer[] = [];
      let size = 0;
      res.on("data", (chunk: Buffer) => {
        chunks.push(chunk);
        size += chunk.length;
        if (size > POLICY_SIZE_LIMIT) {
          out.oversize = true;
          out.body = Buffer.concat(chunks).subarray(0, POLICY_SIZE_LIMIT);
          finish();
        }
      });
      res.on("end", () => {
        out.body = Buffer.concat(chunks);
        finish();
      });
      res.on("error", (e) => finish(toNetError(e)));
    });
    req.end();
  });
}
