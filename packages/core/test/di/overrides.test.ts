import { ArmatureContainer, Inject, Injectable, Module, type DynamicModule, type InjectionToken, type ProviderOverride } from '../../src/di';

@Injectable()
class Mailer {
  send(): string {
    return 'real';
  }
}

@Injectable()
class Signup {
  constructor(readonly mailer: Mailer) {}
}

@Module({ providers: [Mailer], exports: [Mailer] })
class MailModule {}

@Module({ imports: [MailModule], providers: [Signup] })
class AppModule {}

describe('overrides', () => {
  it('replaces a provider wherever it is declared, with useValue, useClass or useFactory', async () => {
    const fake = { send: () => 'fake' };
    const byValue = await ArmatureContainer.create(AppModule, { providerOverrides: new Map([[Mailer, { useValue: fake }]]) });
    expect(byValue.get(Signup).mailer).toBe(fake);

    class FakeMailer {
      send(): string {
        return 'class';
      }
    }
    const byClass = await ArmatureContainer.create(AppModule, { providerOverrides: new Map<InjectionToken, ProviderOverride>([[Mailer, { useClass: FakeMailer }]]) });
    expect(byClass.get(Signup).mailer.send()).toBe('class');

    const byFactory = await ArmatureContainer.create(AppModule, {
      providerOverrides: new Map<InjectionToken, ProviderOverride>([
        [Mailer, { useFactory: (prefix: string) => ({ send: () => `${prefix}-factory` }), inject: ['PREFIX'] }],
      ]),
      moduleOverrides: new Map([[MailModule, PrefixedMailModule]]),
    });
    expect(byFactory.get(Signup).mailer.send()).toBe('p-factory');
  });

  it('replaces an imported module, including dynamic imports of the same class', async () => {
    @Module({ providers: [{ provide: Mailer, useValue: { send: () => 'stub module' } }], exports: [Mailer] })
    class StubMailModule {}
    const app = await ArmatureContainer.create(AppModule, { moduleOverrides: new Map([[MailModule, StubMailModule]]) });
    expect(app.get(Signup).mailer.send()).toBe('stub module');

    @Injectable()
    class Consumer {
      constructor(@Inject('SETTING') readonly setting: string) {}
    }
    @Module({})
    class SettingsModule {
      static forRoot(value: string): DynamicModule {
        return { module: SettingsModule, providers: [{ provide: 'SETTING', useValue: value }], exports: ['SETTING'] };
      }
    }
    @Module({ providers: [{ provide: 'SETTING', useValue: 'test' }], exports: ['SETTING'] })
    class TestSettingsModule {}
    @Module({ imports: [SettingsModule.forRoot('prod')], providers: [Consumer] })
    class DynamicApp {}
    const overridden = await ArmatureContainer.create(DynamicApp, { moduleOverrides: new Map([[SettingsModule, TestSettingsModule]]) });
    expect(overridden.get(Consumer).setting).toBe('test');
  });

  it('applies provider overrides to enhancer classes too', async () => {
    @Injectable()
    class AuthGuard {
      canActivate(): boolean {
        return false;
      }
    }
    const app = await ArmatureContainer.create(AppModule, {
      providerOverrides: new Map<InjectionToken, ProviderOverride>([[AuthGuard, { useValue: { canActivate: () => true } }]]),
    });
    expect((await app.root.instantiateEnhancer(AuthGuard)).canActivate()).toBe(true);
  });
});

@Module({ providers: [{ provide: 'PREFIX', useValue: 'p' }, Mailer], exports: [Mailer] })
class PrefixedMailModule {}
