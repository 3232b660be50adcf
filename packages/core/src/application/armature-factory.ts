import { ArmatureContainer, type ContainerOptions, type ModuleImport } from '../di';
import type { HttpServerAdapter } from '../adapters/http-adapter';
import { createDefaultAdapter } from '../adapters/default-adapter';
import { ArmatureApplication } from './armature-application';
import { ArmatureApplicationContext } from './application-context';
import type { ArmatureApplicationOptions } from './application-options';
import { Logger } from './logger';
import { CORE_MODULES } from './core-module';

function isAdapter(value: unknown): value is HttpServerAdapter {
  return typeof value === 'object' && value !== null && typeof (value as HttpServerAdapter).init === 'function' && typeof (value as HttpServerAdapter).listen === 'function';
}

/**
 * Builds applications: `ArmatureFactory.create(AppModule)`, or with an adapter instance
 * (`create(AppModule, new NodeAdapter(), options)`), as `NestFactory.create` does.
 */
export class ArmatureFactoryStatic {
  async create(
    module: ModuleImport,
    adapterOrOptions?: HttpServerAdapter | ArmatureApplicationOptions,
    maybeOptions?: ArmatureApplicationOptions,
  ): Promise<ArmatureApplication> {
    const adapter = isAdapter(adapterOrOptions) ? adapterOrOptions : undefined;
    const options = (isAdapter(adapterOrOptions) ? maybeOptions : adapterOrOptions) ?? {};
    const container = await this.createContainer(module, options);
    return this.createFromContainer(container, adapter, options);
  }

  /** An application without HTTP (scripts, workers, CLI tools): modules, DI and lifecycle only. */
  async createApplicationContext(module: ModuleImport, options: ArmatureApplicationOptions = {}): Promise<ArmatureApplicationContext> {
    return new ArmatureApplicationContext(await this.createContainer(module, options));
  }

  /** For @armature/testing: an application over an already-built container. */
  createFromContainer(container: ArmatureContainer, adapter: HttpServerAdapter | undefined, options: ArmatureApplicationOptions = {}): ArmatureApplication {
    if (options.logger !== undefined) Logger.overrideLogger(options.logger);
    return new ArmatureApplication(container, adapter ?? createDefaultAdapter(new Logger('ArmatureFactory')), options);
  }

  private async createContainer(module: ModuleImport, options: ArmatureApplicationOptions, containerOptions?: ContainerOptions): Promise<ArmatureContainer> {
    if (options.logger !== undefined) Logger.overrideLogger(options.logger);
    const logger = new Logger('ArmatureFactory');
    try {
      return await ArmatureContainer.create(module, { ...containerOptions, coreModules: CORE_MODULES });
    } catch (error) {
      logger.error((error as Error).message);
      if (options.abortOnError === true) process.exit(1);
      throw error;
    }
  }
}

export const ArmatureFactory = new ArmatureFactoryStatic();
