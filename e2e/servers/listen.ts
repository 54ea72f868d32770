// Shared by the test world's TCP servers (SMTP, HTTPS policy host): listen on one address,
// and on close also drop open connections, so a test's teardown never waits on a client.
import type { Server, Socket } from "node:net";

export interface ListeningServer {
  ip: string;
  port: number;
  close(): Promise<void>;
}

/** Connections open on every lab server of this process now, the most at once since the
 * last reset, and the total (bench:watch counts what the checker opens, issue 14). */
const gauge = { open: 0, peak: 0, total: 0 };

export function labConnections(): Readonly<typeof gauge> {
  return { ...gauge };
}

export function resetLabConnectionPeak(): void {
  gauge.peak = gauge.open;
  gauge.total = 0;
}

export async function listen(server: Server, ip: string, port: number): Promise<ListeningServer> {
  const sockets = new Set<Socket>();
  server.on("connection", (s: Socket) => {
    sockets.add(s);
    gauge.open++;
    gauge.total++;
    gauge.peak = Math.max(gauge.peak, gauge.open);
    s.on("close", () => {
      sockets.delete(s);
      gauge.open--;
    });
  });
  await new Promise<void>((resolve, reject) => {
    server.once("error", reject);
    server.listen(port, ip, () => resolve());
  });
  return {
    ip,
    port,
    close: () =>
      new Promise((resolve) => {
        for (const s of sockets) s.destroy();
        server.close(() => resolve());
      }),
  };
}
