// Shared by the test world's TCP servers (SMTP, HTTPS policy host): listen on one address,
// and on close also drop open connections, so a test's teardown never waits on a client.
import type { Server, Socket } from "node:net";

export interface ListeningServer {
  ip: string;
  port: number;
  close(): Promise<void>;
}

export async function listen(server: Server, ip: string, port: number): Promise<ListeningServer> {
  const sockets = new Set<Socket>();
  server.on("connection", (s: Socket) => {
    sockets.add(s);
    s.on("close", () => sockets.delete(s));
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
