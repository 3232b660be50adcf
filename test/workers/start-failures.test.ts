import net from 'node:net';
import { startProbeWorkers } from './worker-harness';

/** Holds a port the way a foreign server would: a plain socket, without SO_REUSEPORT. */
function occupyPort(): Promise<net.Server> {
  return new Promise((resolve) => {
    const server = net.createServer();
    server.listen({ port: 0, host: '127.0.0.1', exclusive: true }, () => resolve(server));
  });
}

describe.each(['uws', 'node'] as const)('a worker-mode start that cannot listen (%s adapter)', (adapter) => {
  it('rejects listen() with the workers\' EADDRINUSE', async () => {
    const blocker = await occupyPort();
    const port = (blocker.address() as net.AddressInfo).port;
    try {
      const failure = startProbeWorkers({ adapter, workers: 2, port });
      await expect(failure).rejects.toMatchObject({ code: 'EADDRINUSE' });
      await expect(failure).rejects.toThrow(String(port));
    } finally {
      blocker.close();
    }
  });
});
