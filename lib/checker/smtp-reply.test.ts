// Issue 11 deliverable 11: the checker as a client of hostile SMTP servers. Replies are
// capped and read in linear time; real hostile servers on loopback, started here.
import { createServer, type Server, type Socket } from "node:net";
import { afterEach, describe, expect, it } from "vitest";
import { costMs } from "../tlsrpt/inline-reports.test-utils";
import { probeSmtp, type SmtpProbeOutcome } from "./smtp-probe";
import { MAX_REPLY_BYTES, ReplyReader } from "./smtp-reply";

describe("ReplyReader", () => {
  it("reads multi-line replies, one after another, across chunk boundaries", () => {
    const reader = new ReplyReader();
    for (const chunk of ["220 hi\r", "\n250-a\r\n25", "0 b\r\n", "354 go\n"]) {
      expect(reader.push(chunk)).toBeNull();
    }
    expect(reader.next()).toEqual({ code: 220, lines: ["220 hi"] });
    expect(reader.next()).toEqual({ code: 250, lines: ["250-a", "250 b"] });
    expect(reader.next()).toEqual({ code: 354, lines: ["354 go"] });
    expect(reader.next()).toBeUndefined();
  });

  it("stops at 200 lines without a final line", () => {
    const reader = new ReplyReader();
    expect(reader.push("250-x\r\n".repeat(199))).toBeNull();
    expect(reader.push("250-x\r\n")).toBe("reply has more than 200 lines without a final line");
    expect(reader.next()).toBeUndefined();
  });

  it("stops at 64 KiB in one reply, also for a line that never ends", () => {
    const lines = new ReplyReader();
    expect(lines.push(`250-${"y".repeat(400)}\r\n`.repeat(170))).toBe(
      `reply longer than ${MAX_REPLY_BYTES} bytes`,
    );
    const oneLine = new ReplyReader();
    expect(oneLine.push("220 ")).toBeNull();
    expect(oneLine.push("a".repeat(MAX_REPLY_BYTES))).toBe(
      `reply line longer than ${MAX_REPLY_BYTES} bytes`,
    );
  });

  it("is linear: a 60 KiB reply fed one byte at a time costs well under 300 ms", () => {
    // The old reader split the whole buffer on every chunk: ~60,000² characters here, seconds
    // of CPU time. costMs (the smaller of wall and CPU time) and the best of 3 runs keep a
    // loaded machine from failing the linear reader; the quadratic one fails all three.
    const text = `${`250-${"z".repeat(296)}\r\n`.repeat(199)}250 end\r\n`;
    const run = () =>
      costMs(() => {
        const reader = new ReplyReader();
        for (const ch of text) reader.push(ch);
        return reader.next()?.lines.length;
      });
    const runs = [run()];
    while (runs.length < 3 && Math.min(...runs.map((r) => r.ms)) >= 300) runs.push(run());
    for (const r of runs) expect(r.value).toBe(200);
    expect(Math.min(...runs.map((r) => r.ms))).toBeLessThan(300);
  });
});

describe("probeSmtp against hostile servers", () => {
  let server: Server | null = null;
  let closedByClient: Promise<void> = Promise.resolve();
  afterEach(
    () => new Promise<void>((resolve) => (server ? server.close(() => resolve()) : resolve())),
  );

  /** Starts a server on 127.0.0.1 (random port); resolves closedByClient when a client hangs up. */
  async function hostile(onConnect: (socket: Socket) => void): Promise<number> {
    let hungUp: () => void = () => undefined;
    closedByClient = new Promise((resolve) => (hungUp = resolve));
    server = createServer((socket) => {
      socket.on("error", () => undefined);
      socket.on("close", () => hungUp());
      onConnect(socket);
    });
    await new Promise<void>((resolve) => server?.listen(0, "127.0.0.1", () => resolve()));
    const address = server.address();
    return typeof address === "object" && address ? address.port : 0;
  }

  const probe = (port: number): Promise<SmtpProbeOutcome> =>
    probeSmtp({
      ip: "127.0.0.1",
      port,
      ehloName: "checker.test",
      timeoutMs: 5000,
      tls: { servername: "mx.hostile.test" },
      now: Date.now(),
    });

  it("an endless 250- continuation ends with a protocol failure at EHLO, not memory growth", async () => {
    let sent = 0;
    const port = await hostile((socket) => {
      socket.write("220 hostile ESMTP\r\n");
      socket.once("data", () => {
        const batch = `250-${"x".repeat(60)}\r\n`.repeat(16);
        const more = () => {
          if (!socket.writable) return;
          sent += batch.length;
          if (socket.write(batch)) setImmediate(more);
          else socket.once("drain", more);
        };
        more();
      });
    });
    const started = performance.now();
    const out = await probe(port);
    // Well under the 5,000 ms step timeout (headroom for a loaded machine): the cap ended it.
    expect(performance.now() - started).toBeLessThan(4000);
    expect(out.stage).toBe("ehlo");
    expect(out.failure).toMatchObject({
      kind: "protocol",
      message: "reply has more than 200 lines without a final line",
    });
    await closedByClient; // the checker hung up on it
    expect(sent).toBeGreaterThan(200 * 64);
  });

  it("a 1 MiB banner line ends with a protocol failure at the banner", async () => {
    const port = await hostile((socket) => {
      socket.write(`220 ${"a".repeat(1024 * 1024)}`);
    });
    const started = performance.now();
    const out = await probe(port);
    // Well under the 5,000 ms step timeout (headroom for a loaded machine): the cap ended it.
    expect(performance.now() - started).toBeLessThan(4000);
    expect(out.stage).toBe("banner");
    expect(out.banner).toBeNull();
    expect(out.failure).toMatchObject({
      kind: "protocol",
      message: `reply line longer than ${MAX_REPLY_BYTES} bytes`,
    });
    await closedByClient;
  });

  it("a reply dripped one byte at a time still ends at the step timeout", async () => {
    const port = await hostile((socket) => {
      const timer = setInterval(
        () => (socket.writable ? socket.write("2") : clearInterval(timer)),
        20,
      );
      socket.on("close", () => clearInterval(timer));
    });
    const started = performance.now();
    const out = await probeSmtp({
      ip: "127.0.0.1",
      port,
      ehloName: "checker.test",
      timeoutMs: 400,
      tls: { servername: "mx.hostile.test" },
      now: Date.now(),
    });
    // ~400 ms; a timer that restarted on every byte (one each 20 ms) would never fire.
    expect(performance.now() - started).toBeLessThan(3000);
    expect(out.stage).toBe("banner");
    expect(out.failure).toMatchObject({ kind: "timeout", message: "no reply within 400 ms" });
  });
});
