import { createSocket } from "node:dgram";
import { connect } from "node:net";
import { randomInt } from "node:crypto";
import { isIPv6 } from "node:net";
import { decodeResponse, encodeQuery, type WireResponse } from "./wire";

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

function udpQuery(
  server: ServerAddress,
  packet: Buffer,
  timeoutMs: number,
  signal?: AbortSignal,
): Promise<Buffer> {
  return exchange(timeoutMs, signal, (finish) => {
    const sock = createSocket(isIPv6(server.host) ? "udp6" : "udp4");
    const id = packet.readUInt16BE(0);
    sock.on("error", finish);
    sock.on("message", (msg) => {
      if (msg.length >= 12 && msg.readUInt16BE(0) === id) finish(msg);
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
    let data = Buffer.alloc(0);
    sock.on("error", finish);
    sock.on("connect", () => {
      const len = Buffer.alloc(2);
      len.writeUInt16BE(packet.length, 0);
      sock.write(Buffer.concat([len, packet]));
    });
    sock.on("data", (chunk) => {
      data = Buffer.concat([data, chunk]);
      if (data.length >= 2 && data.length >= 2 + data.readUInt16BE(0)) {
        finish(data.subarray(2, 2 + data.readUInt16BE(0)));
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
