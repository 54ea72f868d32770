import { connect as tlsConnect, type SecureVersion, type TLSSocket } from "node:tls";
import type { Socket } from "node:net";
import { checkerSecureContext } from "./secure-context";
import { describeCert, type CertInfo } from "./cert-info";
import { NetError, SmtpConversation, tcpConnect, toNetError } from "./smtp-session";

export type SmtpStage =
  "connect" | "banner" | "ehlo" | "starttls" | "handshake" | "tls-ehlo" | "done";

export interface TlsVariant {
  /** SNI to send; null sends none (TLS-6 probe). */
  servername: string | null;
  minVersion?: SecureVersion;
  maxVersion?: SecureVersion;
  ciphers?: string;
}

export interface SmtpProbeInput {
  ip: string;
  port: number;
  ehloName: string;
  ca?: string[];
  timeoutMs: number;
  signal?: AbortSignal;
  tls: TlsVariant;
  now: number;
}

export interface TlsOutcome {
  protocol: string;
  cipher: string;
  /** Chain validated against the trust store (names are checked separately, TLS-5). */
  chainValid: boolean;
  chainError: string | null;
  cert: CertInfo | null;
}

export interface SmtpProbeOutcome {
  /** The last stage reached; "done" means TLS was established and EHLO answered 250. */
  stage: SmtpStage;
  failure: NetError | null;
  banner: string | null;
  ehlo: string[];
  starttlsOffered: boolean;
  starttlsReply: string | null;
  tls: TlsOutcome | null;
  /** The reply to EHLO sent again over TLS (TLS-3); empty when none came. */
  ehloTls: string[];
}

function handshake(socket: Socket, input: SmtpProbeInput): Promise<TLSSocket> {
  const { tls, ca, timeoutMs, signal } = input;
  return new Promise((resolve, reject) => {
    const secure = tlsConnect({
      socket,
      ...(tls.servername ? { servername: tls.servername } : {}),
      // The trust store and protocol range, as one shared context (secure-context.ts).
      secureContext: checkerSecureContext({
        ...(ca ? { ca } : {}),
        minVersion: tls.minVersion ?? "TLSv1.2",
        maxVersion: tls.maxVersion ?? "TLSv1.3",
        ...(tls.ciphers ? { ciphers: tls.ciphers } : {}),
      }),
      // We judge the certificate ourselves: chain via `authorized`, names via SAN only.
      rejectUnauthorized: false,
      checkServerIdentity: () => undefined,
    });
    const finish = (e?: NetError) => {
      clearTimeout(timer);
      signal?.removeEventListener("abort", onAbort);
      secure.removeListener("error", onError);
      if (e) {
        secure.destroy();
        reject(e);
      } else resolve(secure);
    };
    const onAbort = () => finish(new NetError("aborted", "stopped: overall deadline reached"));
    const onError = (e: Error) => finish(toNetError(e));
    const timer = setTimeout(
      () => finish(new NetError("timeout", `TLS handshake not finished within ${timeoutMs} ms`)),
      timeoutMs,
    );
    signal?.addEventListener("abort", onAbort, { once: true });
    secure.once("error", onError);
    secure.once("secureConnect", () => finish());
  });
}

/**
 * One SMTP session as a sending MTA runs it: banner, EHLO, STARTTLS (TLS-1, TLS-2), the TLS
 * handshake, then EHLO again over TLS (TLS-3), which must answer 250, and QUIT. Never throws: the outcome says how
 * far it got and why it stopped.
 */
export async function probeSmtp(input: SmtpProbeInput): Promise<SmtpProbeOutcome> {
  const out: SmtpProbeOutcome = {
    stage: "connect",
    failure: null,
    banner: null,
    ehlo: [],
    starttlsOffered: false,
    starttlsReply: null,
    tls: null,
    ehloTls: [],
  };
  let socket: Socket | null = null;
  let secure: TLSSocket | null = null;
  try {
    socket = await tcpConnect(input.ip, input.port, input.timeoutMs, input.signal);
    const smtp = new SmtpConversation(socket, input.timeoutMs, input.signal);
    out.stage = "banner";
    const banner = await smtp.readReply();
    out.banner = banner.lines.join(" / ");
    if (banner.code !== 220) return out;
    out.stage = "ehlo";
    const ehlo = await smtp.command(`EHLO ${input.ehloName}`);
    out.ehlo = ehlo.lines;
    if (ehlo.code !== 250) return out;
    out.stage = "starttls";
    out.starttlsOffered = ehlo.lines.some((l) => /^250[- ]STARTTLS\s*$/i.test(l));
    if (!out.starttlsOffered) return out;
    const starttls = await smtp.command("STARTTLS");
    out.starttlsReply = starttls.lines.join(" / ");
    if (starttls.code !== 220) return out;
    out.stage = "handshake";
    secure = await handshake(socket, input);
    const peer = secure.getPeerX509Certificate();
    out.tls = {
      protocol: secure.getProtocol() ?? "unknown",
      cipher: secure.getCipher().name,
      chainValid: secure.authorized,
      chainError: secure.authorizationError ? String(secure.authorizationError) : null,
      cert: peer ? describeCert(peer, input.now) : null,
    };
    smtp.switchTo(secure);
    out.stage = "tls-ehlo";
    const ehloTls = await smtp.command(`EHLO ${input.ehloName}`);
    out.ehloTls = ehloTls.lines;
    if (ehloTls.code !== 250) return out;
    out.stage = "done";
    secure.write("QUIT\r\n");
  } catch (e) {
    out.failure = toNetError(e);
  } finally {
    secure?.end();
    secure?.destroy();
    socket?.end();
    socket?.destroy();
  }
  return out;
}
