import { App, type HttpServerAdapter, type MicroAppOptions, type MicroServer } from '@armature/core';

/** A micro app on the given adapter, logger off (tests add routes, then `startMicro`). */
export function microApp(createAdapter: () => HttpServerAdapter, options: MicroAppOptions = {}): App {
  return App.new({ adapter: createAdapter, logger: false, ...options });
}

/** Builds and listens on a random port of 127.0.0.1. */
export function startMicro(app: App): Promise<MicroServer> {
  return app.run({ port: 0, host: '127.0.0.1' });
}
