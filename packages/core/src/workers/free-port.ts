import { createServer } from 'node:net';

/**
 * A concrete port for `listen(0, { workers })`. Every worker must bind the same port, and they
 * cannot all pass 0; nor can the first one pick for the others: Linux does not let further
 * SO_REUSEPORT sockets join a port the kernel chose for a socket bound to port 0 (checked on this
 * machine: the second uWS listen fails). So a plain socket borrows a port from the kernel and
 * returns it; the workers then bind it by number. (Another process could take it in between: the
 * workers' listen then fails with EADDRINUSE, as a fixed port would.)
 */
export function pickFreePort(host?: string): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.unref();
    server.once('error', reject);
    server.listen({ port: 0, host, exclusive: true }, () => {
      const address = server.address();
      const port = typeof address === 'object' && address !== null ? address.port : 0;
      server.close(() => resolve(port));
    });
  });
}
