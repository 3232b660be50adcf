import { ArmatureContainer, Inject, Injectable, Module } from '../../src/di';

const delay = (ms: number): Promise<void> => new Promise((resolve) => setTimeout(resolve, ms));

describe('async factories', () => {
  it('awaits them in dependency order: a factory gets the resolved value of the async factory it injects', async () => {
    const order: string[] = [];
    @Injectable()
    class Repository {
      constructor(@Inject('CONNECTION') readonly connection: { url: string; open: boolean }) {
        order.push('repository');
      }
    }
    @Module({
      providers: [
        Repository,
        {
          provide: 'CONNECTION',
          inject: ['CONFIG'],
          useFactory: async (config: { url: string }) => {
            order.push('connection:start');
            await delay(5);
            order.push('connection:end');
            return { url: config.url, open: true };
          },
        },
        {
          provide: 'CONFIG',
          useFactory: async () => {
            order.push('config:start');
            await delay(10);
            order.push('config:end');
            return { url: 'postgres://db' };
          },
        },
      ],
    })
    class AppModule {}

    const app = await ArmatureContainer.create(AppModule);
    expect(app.get(Repository).connection).toEqual({ url: 'postgres://db', open: true });
    expect(app.get('CONNECTION')).toEqual({ url: 'postgres://db', open: true });
    expect(order).toEqual(['config:start', 'config:end', 'connection:start', 'connection:end', 'repository']);
  });

  it('calls an async factory once even when many providers wait for it', async () => {
    let calls = 0;
    const consumers = Array.from({ length: 5 }, (_, index) => ({
      provide: `CONSUMER_${index}`,
      inject: ['SHARED'],
      useFactory: (shared: number) => shared + index,
    }));
    @Module({
      providers: [
        ...consumers,
        {
          provide: 'SHARED',
          useFactory: async () => {
            calls++;
            await delay(1);
            return 100;
          },
        },
      ],
    })
    class AppModule {}
    const app = await ArmatureContainer.create(AppModule);
    expect(calls).toBe(1);
    expect(app.get('CONSUMER_4')).toBe(104);
  });

  it('awaits a Promise given as useValue', async () => {
    @Module({ providers: [{ provide: 'LATER', useValue: Promise.resolve('value') }] })
    class AppModule {}
    expect((await ArmatureContainer.create(AppModule)).get('LATER')).toBe('value');
  });

  it('finishes async factories of imported modules before the importing module uses them', async () => {
    @Module({
      providers: [{ provide: 'CLIENT', useFactory: async () => (await delay(3), { ready: true }) }],
      exports: ['CLIENT'],
    })
    class ClientModule {}
    @Injectable()
    class Consumer {
      readonly readyAtConstruction: boolean;
      constructor(@Inject('CLIENT') client: { ready: boolean }) {
        this.readyAtConstruction = client.ready;
      }
    }
    @Module({ imports: [ClientModule], providers: [Consumer] })
    class AppModule {}
    expect((await ArmatureContainer.create(AppModule)).get(Consumer).readyAtConstruction).toBe(true);
  });
});
