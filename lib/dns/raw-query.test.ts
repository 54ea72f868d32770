// Issue 11 deliverable 11: the raw DNS client accepts an answer only from the server asked
// (address and port), with our id and our question. Hostile responders on loopback.
import { createSocket, type Socket as UdpSocket } from "node:dgram";
import { createServer, type Server } from "node:net";
import { afterEach, describe, expect, it } from "vitest";
import { rawQuery } from "./raw-query";
import { encodeQuery, readQuestion, RR_TYPE } from "./wire";

interface Forged {
  id?: number;
  name?: string;
  type?: number;
  /** false: QR bit clear (a query, not a response). */
  response?: boolean;
  truncated?: boolean;
  address: string;
}

/** A response to `query` with one A record, forged as told. */
function forge(query: Buffer, f: Forged): Buffer {
  const q = readQuestion(query);
  if (!q) throw new Error("unreadable query");
  const base = encodeQuery(f.id ?? q.id, f.name ?? q.name, f.type ?? q.type);
  const message = Buffer.from(base.subarray(0, base.length - 11)); // without the OPT record
  message.writeUInt16BE((f.response === false ? 0 : 0x8180) | (f.truncated ? 0x0200 : 0), 2);
  message.writeUInt16BE(1, 6); // ANCOUNT
  message.writeUInt16BE(0, 10); // ARCOUNT
  const rr = Buffer.alloc(16);
  rr.writeUInt16BE(0xc00c, 0); // the question's name
  rr.writeUInt16BE(RR_TYPE.A, 2);
  rr.writeUInt16BE(1, 4);
  rr.writeUInt32BE(60, 6);
  rr.writeUInt16BE(4, 10);
  Buffer.from(f.address.split(".").map(Number)).copy(rr, 12);
  return Buffer.concat([message, rr]);
}

const open: (UdpSocket | Server)[] = [];
afterEach(() => {
  for (const s of open.splice(0)) s.close();
});

async function udp(): Promise<UdpSocket> {
  const sock = createSocket("udp4");
  open.push(sock);
  await new Promise<void>((resolve) => sock.bind(0, "127.0.0.1", () => resolve()));
  return sock;
}

/**
 * A responder whose every query first gets five forged answers: a correct-looking answer
 * sent from another port (spoof), a wrong question name, a wrong type, a wrong id and a
 * message without the QR bit. Then, after `realAfterMs`, the real answer (or none).
 */
async function hostileResponder(realAfterMs: number | null, truncated = false) {
  const server = await udp();
  const spoofer = await udp();
  let forged = 0;
  server.on("message", (query, from) => {
    const send = (sock: UdpSocket, msg: Buffer) => {
      forged += 1;
      sock.send(msg, from.port, from.address);
    };
    send(spoofer, forge(query, { address: "192.0.2.66" }));
    send(server, forge(query, { name: "evil.test", address: "192.0.2.67" }));
    send(server, forge(query, { type: RR_TYPE.AAAA, address: "192.0.2.68" }));
    const q = readQuestion(query);
    send(server, forge(query, { id: ((q?.id ?? 0) + 1) & 0xffff, address: "192.0.2.69" }));
    send(server, forge(query, { response: false, address: "192.0.2.70" }));
    if (realAfterMs !== null) {
      setTimeout(
        () =>
          server.send(forge(query, { address: "192.0.2.1", truncated }), from.port, from.address),
        realAfterMs,
      );
    }
  });
  const { port } = server.address();
  return { port, forged: () => forged };
}

describe("rawQuery ignores answers it did not ask for", () => {
  it("times out when only spoofed or mismatched answers arrive", async () => {
    const responder = await hostileResponder(null);
    const started = performance.now();
    await expect(
      rawQuery({ host: "127.0.0.1", port: responder.port }, "mx.a.test", RR_TYPE.A, 500),
    ).rejects.toThrow("DNS query timed out");
    expect(performance.now() - started).toBeGreaterThanOrEqual(480);
    expect(responder.forged()).toBe(5);
  });

  it("keeps waiting past them and takes the real answer", async () => {
    const responder = await hostileResponder(150);
    const res = await rawQuery(
      { host: "127.0.0.1", port: responder.port },
      "MX.A.test",
      RR_TYPE.A,
      2000,
    );
    expect(responder.forged()).toBe(5);
    expect(res.answers).toEqual([
      { name: "mx.a.test", ttl: 60, data: { type: "A", address: "192.0.2.1" } },
    ]);
  });

  it("over TCP (after a truncated UDP answer) skips a message with a wrong question", async () => {
    const responder = await hostileResponder(0, true);
    const tcp: Server = createServer((socket) => {
      socket.on("error", () => undefined);
      socket.once("data", (framed: Buffer) => {
        const query = framed.subarray(2);
        const frame = (msg: Buffer) => {
          const len = Buffer.alloc(2);
          len.writeUInt16BE(msg.length, 0);
          return Buffer.concat([len, msg]);
        };
        const wrong = frame(forge(query, { name: "evil.test", address: "192.0.2.67" }));
        const right = frame(forge(query, { address: "192.0.2.2" }));
        // Byte by byte: the framing must hold across chunks.
        const all = Buffer.concat([wrong, right]);
        let i = 0;
        const drip = () => {
          if (i >= all.length || socket.destroyed) return;
          socket.write(all.subarray(i, i + 7));
          i += 7;
          setImmediate(drip);
        };
        drip();
      });
    });
    open.push(tcp);
    await new Promise<void>((resolve) => tcp.listen(responder.port, "127.0.0.1", () => resolve()));
    const res = await rawQuery(
      { host: "127.0.0.1", port: responder.port },
      "mx.a.test",
      RR_TYPE.A,
      2000,
    );
    expect(res.answers).toEqual([
      { name: "mx.a.test", ttl: 60, data: { type: "A", address: "192.0.2.2" } },
    ]);
  });
});
