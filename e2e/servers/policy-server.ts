// HTTPS server for https://mta-sts.<domain>/.well-known/mta-sts.txt on <ip>:443.
import { request as httpRequest } from "node:http";
import { createServer, type Server } from "node:https";
import { listen, type ListeningServer } from "./listen";
import type { KeyAndCert } from "./test-ca";

export interface PolicyBehaviour {
  /** The policy text; default a valid enforce policy is NOT assumed: give it explicitly. */
  body?: string;
  status?: number;
  /** Sent as Location with a 301 when set. */
  redirectTo?: string;
  /** Content-Type header; null sends none. Default "text/plain". */
  contentType?: string | null;
  /** Wait before answering. */
  delayMs?: number;
  /** Send this many bytes of padding instead of the body. */
  oversizeBytes?: number;
  /**
   * "127.0.0.1:3100": act as the TLS-terminating reverse proxy in front of an app that
   * hosts the policy, forwarding every request with its Host header and relaying the
   * answer untouched (status, headers, bytes). The other fields are then ignored.
   */
  proxyTo?: string;
}

export type PolicyServerHandle = ListeningServer;

export async function startPolicyServer(
  ip: string,
  cert: KeyAndCert,
  behaviour: PolicyBehaviour,
  port = 443,
): Promise<PolicyServerHandle> {
  const server: Server = createServer({ key: cert.key, cert: cert.cert }, (req, res) => {
    if (behaviour.proxyTo) {
      const [host = "127.0.0.1", upstreamPort = "80"] = behaviour.proxyTo.split(":");
      const upstream = httpRequest(
        {
          host,
          port: Number(upstreamPort),
          method: req.method,
          path: req.url,
          headers: req.headers,
        },
        (answer) => {
          res.writeHead(answer.statusCode ?? 502, answer.headers);
          answer.pipe(res);
        },
      );
      upstream.on("error", () => {
        res.writeHead(502, { "Content-Type": "text/plain" });
        res.end("upstream unreachable");
      });
      req.pipe(upstream);
      return;
    }
    setTimeout(() => {
      if (behaviour.redirectTo) {
        res.writeHead(301, { Location: behaviour.redirectTo, "Content-Type": "text/html" });
        res.end("<a>moved</a>");
        return;
      }
      if (req.url !== "/.well-known/mta-sts.txt") {
        res.writeHead(404, { "Content-Type": "text/plain" });
        res.end("not found");
        return;
      }
      const headers: Record<string, string> = {};
      const type = behaviour.contentType === undefined ? "text/plain" : behaviour.contentType;
      if (type !== null) headers["Content-Type"] = type;
      res.writeHead(behaviour.status ?? 200, headers);
      res.end(
        behaviour.oversizeBytes ? "x".repeat(behaviour.oversizeBytes) : (behaviour.body ?? ""),
      );
    }, behaviour.delayMs ?? 0);
  });
  server.on("tlsClientError", () => undefined);
  return listen(server, ip, port);
}
