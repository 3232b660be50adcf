import {
  Controller,
  Get,
  Inject,
  Injectable,
  Module,
  REQUEST,
  Scope,
  type ArmatureRequest,
  type BeforeApplicationShutdown,
  type OnApplicationBootstrap,
  type OnApplicationShutdown,
  type OnModuleDestroy,
  type OnModuleInit,
} from '@armature/core';
import { ADAPTERS, startApp } from '../support/adapters';

const calls: string[] = [];

function hooked(name: string) {
  @Injectable()
  class Hooked implements OnModuleInit, OnApplicationBootstrap, OnModuleDestroy, BeforeApplicationShutdown, OnApplicationShutdown {
    async onModuleInit() {
      await new Promise((r) => setTimeout(r, 2));
      calls.push(`${name}.onModuleInit`);
    }
    onApplicationBootstrap() {
      calls.push(`${name}.onApplicationBootstrap`);
    }
    onModuleDestroy() {
      calls.push(`${name}.onModuleDestroy`);
    }
    beforeApplicationShutdown(signal?: string) {
      calls.push(`${name}.beforeApplicationShutdown(${signal})`);
    }
    onApplicationShutdown(signal?: string) {
      calls.push(`${name}.onApplicationShutdown(${signal})`);
    }
  }
  return Hooked;
}

const DeepService = hooked('deep');
const MiddleService = hooked('middle');
const RootService = hooked('root');

@Module({ providers: [DeepService], exports: [DeepService] })
class DeepModule {
  onModuleInit() {
    calls.push('DeepModule.onModuleInit');
  }
}

@Module({ imports: [DeepModule], providers: [MiddleService] })
class MiddleModule {}

let instancesCreated = 0;

@Injectable({ scope: Scope.REQUEST })
class RequestContext {
  readonly id = ++instancesCreated;
  constructor(@Inject(REQUEST) readonly request: ArmatureRequest) {}
}

@Injectable()
class Counter {
  count = 0;
}

@Controller('scope')
class ScopeController {
  constructor(
    private readonly context: RequestContext,
    private readonly counter: Counter,
  ) {}

  @Get()
  which() {
    return { contextId: this.context.id, tag: this.context.request.headers['x-tag'], counted: ++this.counter.count };
  }
}

@Module({ imports: [MiddleModule], providers: [RootService, RequestContext, Counter], controllers: [ScopeController] })
class RootModule {}

describe.each(ADAPTERS)('lifecycle and scopes on the %s adapter', (_name, createAdapter) => {
  it('runs hooks in NestJS order: deepest modules first; shutdown with the signal, server closed before onApplicationShutdown', async () => {
    calls.length = 0;
    const running = await startApp(RootModule, createAdapter);
    expect(calls).toEqual([
      'deep.onModuleInit',
      'DeepModule.onModuleInit',
      'middle.onModuleInit',
      'root.onModuleInit',
      'deep.onApplicationBootstrap',
      'middle.onApplicationBootstrap',
      'root.onApplicationBootstrap',
    ]);
    calls.length = 0;
    await running.app.close('SIGTERM');
    expect(calls).toEqual([
      'deep.onModuleDestroy',
      'middle.onModuleDestroy',
      'root.onModuleDestroy',
      'deep.beforeApplicationShutdown(SIGTERM)',
      'middle.beforeApplicationShutdown(SIGTERM)',
      'root.beforeApplicationShutdown(SIGTERM)',
      'deep.onApplicationShutdown(SIGTERM)',
      'middle.onApplicationShutdown(SIGTERM)',
      'root.onApplicationShutdown(SIGTERM)',
    ]);
    await expect(fetch(`${running.url}/scope`)).rejects.toThrow();
  });

  it('gives a REQUEST-scoped provider (and the controller using it) a new instance per request; singletons stay', async () => {
    const running = await startApp(RootModule, createAdapter);
    try {
      type Answer = { contextId: number; tag: string; counted: number };
      const first = (await (await fetch(`${running.url}/scope`, { headers: { 'x-tag': 'one' } })).json()) as Answer;
      const second = (await (await fetch(`${running.url}/scope`, { headers: { 'x-tag': 'two' } })).json()) as Answer;
      expect(first.tag).toBe('one');
      expect(second.tag).toBe('two');
      expect(second.contextId).not.toBe(first.contextId);
      expect(second.counted).toBe(first.counted + 1);
    } finally {
      await running.close();
    }
  });
});
