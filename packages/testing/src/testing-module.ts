import {
  ArmatureApplicationContext,
  ArmatureFactory,
  type ArmatureApplication,
  type ArmatureApplicationOptions,
  type ArmatureContainer,
  type HttpServerAdapter,
} from '@armature/core';

/**
 * A compiled testing module (NestJS's `TestingModule`): `get()`/`resolve()` providers, or turn it
 * into an application served by the real adapter (uWS by default, `ARMATURE_ADAPTER=node` or an
 * adapter instance otherwise).
 */
export class TestingModule extends ArmatureApplicationContext {
  constructor(private readonly testContainer: ArmatureContainer) {
    super(testContainer);
  }

  createArmatureApplication(
    adapterOrOptions?: HttpServerAdapter | ArmatureApplicationOptions,
    maybeOptions?: ArmatureApplicationOptions,
  ): ArmatureApplication {
    const isAdapter = typeof adapterOrOptions === 'object' && adapterOrOptions !== null && 'listen' in adapterOrOptions;
    const adapter = isAdapter ? (adapterOrOptions as HttpServerAdapter) : undefined;
    const options = (isAdapter ? maybeOptions : (adapterOrOptions as ArmatureApplicationOptions | undefined)) ?? {};
    return ArmatureFactory.createFromContainer(this.testContainer, adapter, options);
  }

  /** NestJS's name for `createArmatureApplication`. */
  createNestApplication(
    adapterOrOptions?: HttpServerAdapter | ArmatureApplicationOptions,
    maybeOptions?: ArmatureApplicationOptions,
  ): ArmatureApplication {
    return this.createArmatureApplication(adapterOrOptions, maybeOptions);
  }
}
