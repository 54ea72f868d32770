import { createSocket } from "node:dgram";
import { connect } from "node:net";
import { randomInt } from "node:crypto";
import { isIPv6 } from "node:net";
import ipaddr from "ipaddr.js";
import { answersQuery, decodeResponse, encodeQuery, type WireResponse } from "./wire";

export interface ServerAddress {
  host: string;
  port: number;
}

/** Parses "1.2.3.4", "1.2.3.4:5353", "::1", "[::1]:5353" the way dns.setServers() does. */
export function parseServer(server: string): ServerAddress {
  const bracketed = /^\[([^\]]+)\](?::(\d+))?$/.exec(server);
  if (bracketed) return { host: bracketed[1] ?? "", port: Number(bracketed[2] ?? 53) };
  if (isIPv6(server)) return { host: server, port: 53 };
  const [host = "", port] = server.split(":");
  return { host, port: Number(port ?? 53) };
}

/**
 * One socket exchange bounded by the timeout and the abort signal. `start` opens the socket,
 * wires its events to `finish` and returns how to close it; `finish` settles once, after
 * clearing the timer and the listener and closing the socket.
 */
function exchange(
  timeoutMs: number,
  signal: AbortSignal | undefined,
  start: (finish: (outcome: Buffer | Error) => void) => () => void,
): Promise<Buffer> {
  return new Promise((resolve, reject) => {
    let settled = false;
    let close: (() => void) | null = null;
    const finish = (outcome: Buffer | Error) => {
      if (settled) return;
      settled = true;
      clearTimeout(timer);
      signal?.removeEventListener("abort", onAbort);
      close?.();
      if (outcome instanceof Error) reject(outcome);
      else resolve(outcome);
    };
    const onAbort = () => finish(new Error("aborted"));
    const timer = setTimeout(() => finish(new Error("DNS query timed out")), timeoutMs);
    signal?.addEventListener("abort", onAbort, { once: true });
    close = start(finish);
  });
}

/** "::ffff:127.0.0.1" and "127.0.0.1" are the same sender; IPv6 compared in one form. */
function sameAddress(a: string, b: string): boolean {
  const norm = (x: string) => {
    const v4 = /^::ffff:(\d+\.\d+\.\d+\.\d+)$/i.exec(x)?.[1];
    if (v4) return v4;
    return isIPv6(x) ? (ipaddr.parse(x).toNormalizedString() as string) : x;
  };
  return norm(a) === norm(b);
}

/**
 * UDP: an answer counts only when it comes from the server asked (address and port), is a
 * response with our id and repeats our question (name, type, class). Anything else (a
 * spoofed or stray datagram) is ignored and the wait goes on until the timeout (issue 11).
 */
function udpQuery(
  server: ServerAddress,
  packet: Buffer,
  timeoutMs: number,
  signal?: AbortSignal,
): Promise<Buffer> {
  return exchange(timeoutMs, signal, (finish) => {
    const sock = createSocket(isIPv6(server.host) ? "udp6" : "udp4");
    sock.on("error", finish);
    sock.on("message", (msg, from) => {
      if (from.port !== server.port || !sameAddress(from.address, server.host)) return;
      if (answersQuery(packet, msg)) finish(msg);
    });
    sock.send(packet, server.port, server.host);
    return () => sock.close();
  });
}

function tcpQuery(
  server: ServerAddress,
  packet: Buffer,
  timeoutMs: number,
  signal?: AbortSignal,
): Promise<Buffer> {
  return exchange(timeoutMs, signal, (finish) => {
    const sock = connect({ host: server.host, port: server.port });
    // Chunks are kept and joined once per message: linear, and at most 2 + 65535 bytes each.
    const chunks: Buffer[] = [];
    let size = 0;
    sock.on("error", finish);
    sock.on("connect", () => {
      const len = Buffer.alloc(2);
      len.writeUInt16BE(packet.length, 0);
      sock.write(Buffer.concat([len, packet]));
    });
    sock.on("data", (chunk: Buffer) => {
      chunks.push(chunk);
      size += chunk.length;
      for (;;) {
        if (size < 2) return;
        if ((chunks[0] as Buffer).length < 2)
          chunks.splice(0, chunks.length, Buffer.concat(chunks));
        const need = 2 + (chunks[0] as Buffer).readUInt16BE(0);
        if (size < need) return;
        const data = Buffer.concat(chunks);
        const msg = data.subarray(2, need);
        if (answersQuery(packet, msg)) return finish(msg);
        // Not our answer (wrong id or question): skip it and keep reading.
        const rest = data.subarray(need);
        chunks.splice(0, chunks.length, ...(rest.length ? [rest] : []));
        size = rest.length;
      }
    });
    return () => sock.destroy();
  });
}

/**
 * One question to one recursive (or authoritative) server: UDP first, TCP when the answer
 * is truncated. No DNSSEC validation: TLSA presence is reported as info only (DANE-2).
 */
export async function rawQuery(
  server: ServerAddress,
  name: string,
  type: number,
  timeoutMs: number,
  signal?: AbortSignal,
): Promise<WireResponse> {
  const packet = encodeQuery(randomInt(0, 0xffff), name, type);
  const udp = decodeResponse(await udpQuery(server, packet, timeoutMs, signal));
  if (!udp.truncated) return udp;
  return decodeResponse(await tcpQuery(server, packet, timeoutMs, signal));
}
