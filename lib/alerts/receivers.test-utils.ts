import http from "node:http";
import net from "node:net";
import type { AddressInfo } from "node:net";

// Real receivers on loopback for the alert tests (issue 14 §3): a tiny SMTP server that
// takes mail (EHLO, MAIL, RCPT, DATA) and an HTTP server that records each POST and answers
// with the statuses it is told to, in order (the last one repeats).

export interface ReceivedMail {
  from: string;
  to: string[];
  /** The message as sent (headers and body), dot-unstuffed. */
  raw: string;
}

export interface SmtpReceiver {
  port: number;
  mails: ReceivedMail[];
  close(): Promise<void>;
}

export async function startSmtpReceiver(): Promise<SmtpReceiver> {
  const mails: ReceivedMail[] = [];
  const sockets = new Set<net.Socket>();
  const server = net.createServer((socket) => {
    sockets.add(socket);
    socket.on("close", () => sockets.delete(socket));
    socket.setEncoding("utf8");
    let buffer = "";
    let data: string[] | null = null;
    let mail: ReceivedMail = { from: "", to: [], raw: "" };
    const reply = (line: string) => socket.write(`${line}\r\n`);
    reply("220 receiver.test ESMTP");
    socket.on("data", (chunk: string) => {
      buffer += chunk;
      let i: number;
      while ((i = buffer.indexOf("\r\n")) >= 0) {
        const line = buffer.slice(0, i);
        buffer = buffer.slice(i + 2);
        if (data) {
          if (line === ".") {
            mails.push({ ...mail, raw: data.join("\r\n") });
            mail = { from: "", to: [], raw: "" };
            data = null;
            reply("250 2.0.0 queued as TEST1");
          } else data.push(line.startsWith("..") ? line.slice(1) : line);
          continue;
        }
        const verb = line.slice(0, 4).toUpperCase();
        if (verb === "EHLO" || verb === "HELO") reply("250 receiver.test");
        else if (verb === "MAIL") {
          mail.from = /<([^>]*)>/.exec(line)?.[1] ?? "";
          reply("250 2.1.0 OK");
        } else if (verb === "RCPT") {
          mail.to.push(/<([^>]*)>/.exec(line)?.[1] ?? "");
          reply("250 2.1.5 OK");
        } else if (verb === "DATA") {
          data = [];
          reply("354 go ahead");
        } else if (verb === "QUIT") {
          reply("221 bye");
          socket.end();
        } else if (verb === "RSET" || verb === "NOOP") reply("250 OK");
        else reply("502 5.5.2 not implemented");
      }
    });
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  return {
    port: (server.address() as AddressInfo).port,
    mails,
    close: () =>
      new Promise((resolve) => {
        for (const s of sockets) s.destroy();
        server.close(() => resolve());
      }),
  };
}

export interface ReceivedPost {
  headers: Record<string, string>;
  body: string;
}

export interface HttpReceiver {
  url: string;
  posts: ReceivedPost[];
  /** The statuses to answer, in order; the last one repeats. */
  statuses: number[];
  close(): Promise<void>;
}

export async function startHttpReceiver(statuses: number[] = [200]): Promise<HttpReceiver> {
  const posts: ReceivedPost[] = [];
  const state = { statuses };
  const server = http.createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on("data", (c: Buffer) => chunks.push(c));
    req.on("end", () => {
      const headers: Record<string, string> = {};
      for (const [k, v] of Object.entries(req.headers)) if (typeof v === "string") headers[k] = v;
      posts.push({ headers, body: Buffer.concat(chunks).toString("utf8") });
      const status = state.statuses[Math.min(posts.length, state.statuses.length) - 1] ?? 200;
      res.writeHead(status, { "content-type": "text/plain" }).end(String(status));
    });
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const receiver: HttpReceiver = {
    url: `http://127.0.0.1:${(server.address() as AddressInfo).port}/hooks/alerts`,
    posts,
    get statuses() {
      return state.statuses;
    },
    set statuses(v: number[]) {
      state.statuses = v;
    },
    close: () =>
      new Promise((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
  return receiver;
}

/** A loopback URL where nothing listens (a port bound, then released). */
export async function deadUrl(): Promise<string> {
  const s = net.createServer();
  await new Promise<void>((resolve) => s.listen(0, "127.0.0.1", resolve));
  const port = (s.address() as AddressInfo).port;
  await new Promise<void>((resolve) => s.close(() => resolve()));
  return `http://127.0.0.1:${port}/hooks/alerts`;
}
