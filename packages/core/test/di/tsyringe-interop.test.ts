import { ArmatureContainer, Inject, Injectable, Module } from '../../src/di';
// After Armature: its entry point loads reflect-metadata, which tsyringe requires.
import { container as tsyringe, inject as tsyringeInject, injectable as tsyringeInjectable } from 'tsyringe';

describe('tsyringe interop', () => {
  it('keeps @Injectable() classes resolvable by a plain tsyringe container, @Inject() tokens included', () => {
    @Injectable()
    class Clock {}
    @Injectable()
    class Scheduler {
      constructor(
        readonly clock: Clock,
        @Inject('INTERVAL') readonly interval: number,
      ) {}
    }
    const child = tsyringe.createChildContainer();
    child.registerInstance('INTERVAL', 250);
    const scheduler = child.resolve(Scheduler);
    expect(scheduler.clock).toBeInstanceOf(Clock);
    expect(scheduler.interval).toBe(250);
  });

  it('reads Armature’s own metadata even where tsyringe’s @inject() rewrote design:paramtypes', async () => {
    @Injectable()
    class Real {}
    @tsyringeInjectable()
    class Mixed {
      constructor(
        @Inject(Real) readonly real: Real,
        @tsyringeInject('VALUE') readonly value: string,
      ) {}
    }
    @Module({ providers: [Real, Mixed, { provide: 'VALUE', useValue: 'from tsyringe token' }] })
    class AppModule {}
    const app = await ArmatureContainer.create(AppModule);
    expect(app.get(Mixed).real).toBe(app.get(Real));
    expect(app.get(Mixed).value).toBe('from tsyringe token');
  });
});
