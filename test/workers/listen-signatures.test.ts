import { ArmatureFactory, Controller, Get, Module } from '@armature/core';
import { ADAPTERS } from '../support/adapters';

@Controller()
class PingController {
  @Get('ping')
  ping() {
    return { pong: true };
  }
}

@Module({ controllers: [PingController] })
class PingModule {}

// listen() gained an options object for worker mode; every earlier form must behave as before.
describe.each(ADAPTERS)('app.listen() signatures (%s adapter)', (_name, createAdapter) => {
  const forms: Array<[string, (app: Awaited<ReturnType<typeof ArmatureFactory.create>>, callback: () => void) => Promise<unknown>]> = [
    ['listen(port, host)', (app) => app.listen(0, '127.0.0.1')],
    ['listen(port, callback)', (app, callback) => app.listen(0, callback)],
    ['listen(port, host, callback)', (app, callback) => app.listen(0, '127.0.0.1', callback)],
    ['listen(port, undefined, callback)', (app, callback) => app.listen(0, undefined, callback)],
    ['listen(port, options without workers)', (app) => app.listen(0, {})],
    ['listen(port, host, options without workers, callback)', (app, callback) => app.listen(0, '127.0.0.1', {}, callback)],
  ];

  it.each(forms)('%s listens in this process and serves', async (form, listen) => {
    const app = await ArmatureFactory.create(PingModule, createAdapter(), { logger: false });
    let called = 0;
    try {
      const server = (await listen(app, () => called++)) as { address(): { port: number } | null };
      const url = await app.getUrl();
      expect(server.address()?.port).toBe(Number(new URL(url).port));
      const response = await fetch(`${url}/ping`);
      expect(await response.json()).toEqual({ pong: true });
      expect(called).toBe(form.includes('callback') ? 1 : 0);
    } finally {
      await app.close();
    }
  });

  it('listen(port) without a host binds every interface', async () => {
    const app = await ArmatureFactory.create(PingModule, createAdapter(), { logger: false });
    try {
      await app.listen(0);
      const address = app.getHttpAdapter().address();
      expect(['::', '0.0.0.0']).toContain(address?.address);
      const response = await fetch(`http://127.0.0.1:${address?.port}/ping`);
      expect(response.status).toBe(200);
    } finally {
      await app.close();
    }
  });
});
