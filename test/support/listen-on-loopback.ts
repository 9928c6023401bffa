// Start a test HTTP server on a free loopback port; `close` also drops kept-alive and hung sockets,
// so a stub that never answers cannot keep a test waiting.
import type http from "node:http";
import type { AddressInfo, Socket } from "node:net";

export async function listenOnLoopback(server: http.Server): Promise<{ port: number; close(): Promise<void> }> {
  const sockets = new Set<Socket>();
  server.on("connection", (socket) => {
    sockets.add(socket);
    socket.once("close", () => sockets.delete(socket));
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const { port } = server.address() as AddressInfo;
  return {
    port,
    close: () =>
      new Promise<void>((resolve) => {
        for (const socket of sockets) socket.destroy();
        server.close(() => resolve());
      }),
  };
}
