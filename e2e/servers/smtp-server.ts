// A small SMTP responder on <ip>:25 with STARTTLS, shaped for checker tests: banner delay,
// STARTTLS on/off, TLS version limits, SNI-only certificates, blackhole mode, and hostile
// servers: an endless multi-line reply, a 1 MiB banner line, a drop after STARTTLS.
import { createServer, type Server, type Socket } from "node:net";
import { createSecureContext, TLSSocket, type SecureContext, type SecureVersion } from "node:tls";
import { listen, type ListeningServer } from "./listen";
import type { KeyAndCert } from "./test-ca";

export interface SmtpBehaviour {
  /** Accept TCP and never say anything (what a blocked or silent port looks like). */
  blackhole?: boolean;
  /** Wait before the 220 banner (latency injection for the benchmark). */
  bannerDelayMs?: number;
  /** Offer STARTTLS in EHLO; default true. */
  starttls?: boolean;
  /** Reply to STARTTLS with this instead of 220 (e.g. "454 4.7.0 TLS not available"). */
  starttlsReply?: string;
  minVersion?: SecureVersion;
  maxVersion?: SecureVersion;
  /** e.g. "DEFAULT@SECLEVEL=0" for TLS 1.0 under OpenSSL 3. */
  ciphers?: string;
  /** Present the certificate only to clients that send SNI (no default certificate). */
  requireSni?: boolean;
  /** Close the connection when EHLO arrives over TLS (after a completed STARTTLS). */
  dropAfterStarttls?: boolean;
  /**
   * "endless-reply": answer EHLO with "250-…" lines forever (until the client hangs up).
   * "huge-line": a banner of one 1 MiB line.
   */
  hostile?: "endless-reply" | "huge-line";
}

/**
 * Writes `line` again and again until the client goes away: a batch per turn of the event
 * loop, so the flood never blocks the process it shares with the checker under test.
 */
function flood(socket: Socket | TLSSocket, line: string): void {
  const batch = line.repeat(64);
  const more = () => {
    if (socket.destroyed || !socket.writable) return;
    if (socket.write(batch)) setImmediate(more);
    else socket.once("drain", more);
  };
  more();
}

export type SmtpServerHandle = ListeningServer;

export async function startSmtpServer(
  ip: string,
  hostName: string,
  cert: KeyAndCert,
  behaviour: SmtpBehaviour = {},
  port = 25,
): Promise<SmtpServerHandle> {
  const tlsOptions = {
    minVersion: behaviour.minVersion ?? "TLSv1.2",
    maxVersion: behaviour.maxVersion ?? "TLSv1.3",
    ...(behaviour.ciphers ? { ciphers: behaviour.ciphers } : {}),
  };
  const withCert: SecureContext = createSecureContext({
    ...tlsOptions,
    key: cert.key,
    cert: cert.cert,
  });
  const withoutCert: SecureContext = createSecureContext(tlsOptions);

  const serve = (socket: Socket | TLSSocket, secure: boolean) => {
    let buffer = "";
    socket.setEncoding("latin1");
    socket.on("data", (chunk: string) => {
      buffer += chunk;
      let nl: number;
      while ((nl = buffer.indexOf("\r\n")) !== -1) {
        const line = buffer.slice(0, nl);
        buffer = buffer.slice(nl + 2);
        const verb = line.split(" ")[0]?.toUpperCase() ?? "";
        if (verb === "EHLO" && secure && behaviour.dropAfterStarttls) {
          socket.destroy();
          return;
        }
        if (verb === "EHLO" && behaviour.hostile === "endless-reply") {
          flood(socket, `250-${"x".repeat(58)}\r\n`);
          return;
        }
        if (verb === "EHLO") {
          const offer = !secure && behaviour.starttls !== false ? ["STARTTLS"] : [];
          const lines = [hostName, "PIPELINING", "8BITMIME", ...offer];
          socket.write(
            lines.map((l, i) => `250${i === lines.length - 1 ? " " : "-"}${l}\r\n`).join(""),
          );
        } else if (verb === "HELO" || verb === "NOOP" || verb === "RSET") {
          socket.write(`250 ${hostName}\r\n`);
        } else if (verb === "QUIT") {
          socket.end("221 2.0.0 Bye\r\n");
        } else if (verb === "STARTTLS" && !secure && behaviour.starttls !== false) {
          if (behaviour.starttlsReply) {
            socket.write(`${behaviour.starttlsReply}\r\n`);
            continue;
          }
          socket.write("220 2.0.0 Ready to start TLS\r\n");
          socket.removeAllListeners("data");
          const tls = new TLSSocket(socket as Socket, {
            isServer: true,
            secureContext: behaviour.requireSni ? withoutCert : withCert,
            SNICallback: (_name, cb) => cb(null, withCert),
          });
          tls.on("error", () => tls.destroy());
          serve(tls, true);
          return;
        } else {
          socket.write("502 5.5.2 Command not recognised\r\n");
        }
      }
    });
  };

  const server: Server = createServer((socket) => {
    socket.on("error", () => socket.destroy());
    if (behaviour.blackhole) return;
    setTimeout(() => {
      if (socket.destroyed) return;
      if (behaviour.hostile === "huge-line") {
        socket.end(`220 ${"a".repeat(1024 * 1024)}\r\n`);
        return;
      }
      socket.write(`220 ${hostName} ESMTP test\r\n`);
      serve(socket, false);
    }, behaviour.bannerDelayMs ?? 0);
  });
  return listen(server, ip, port);
}
