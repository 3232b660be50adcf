import type { Binding, LinkedDependency } from './binding';
import type { ContextId } from './context-id';
import { InstanceNotReadyError, InvalidScopeError } from './errors';
import { InstanceSlot } from './instance-slot';
import { ResolutionContext } from './resolution-context';
import { Scope } from './scope';

const NO_VALUES: unknown[] = [];

/**
 * The context of a ContextId is kept on the ContextId object itself (one property, keyed per injector) rather
 * than in a WeakMap: per-request WeakMap entries cost far more in garbage collection than the rest of the
 * resolution. A ContextId shared by two applications falls back to a WeakMap for the second one.
 */
const CONTEXT_PROPERTY = Symbol('armature:resolution-context');
interface ContextHolder {
  [CONTEXT_PROPERTY]?: { injector: Injector; context: ResolutionContext };
}
const ignore = (): void => undefined;

function isThenable(value: unknown): value is PromiseLike<unknown> {
  return (typeof value === 'object' || typeof value === 'function') && value !== null && typeof (value as PromiseLike<unknown>).then === 'function';
}

/**
 * Builds instances from linked bindings. Everything returns synchronously unless something on the way is
 * really async (an async factory, a pending build), so a request-scoped tree of plain classes costs a few Map
 * lookups and constructor calls: only `instanceof Promise` checks, no reflection, no per-call closures.
 */
export class Injector {
  readonly staticContext = new ResolutionContext(true, undefined);
  private readonly sharedContexts = new WeakMap<ContextId, ResolutionContext>();

  contextFor(contextId: ContextId, request?: unknown): ResolutionContext {
    const holder = contextId as ContextHolder;
    const attached = holder[CONTEXT_PROPERTY];
    let context = attached?.injector === this ? attached.context : this.sharedContexts.get(contextId);
    if (!context) {
      context = new ResolutionContext(false, request);
      if (!attached) holder[CONTEXT_PROPERTY] = { injector: this, context };
      else this.sharedContexts.set(contextId, context);
    } else if (request !== undefined && context.request === undefined) {
      context.request = request;
    }
    return context;
  }

  /** Boot: the singletons of each group (one group per module, in scan order), async factories awaited. */
  async instantiateSingletons(groups: readonly (readonly Binding[])[]): Promise<void> {
    for (const group of groups) {
      await Promise.all(group.map((binding) => this.resolveBinding(binding, this.staticContext, undefined, undefined)));
    }
    await this.drain(this.staticContext);
  }

  /** resolve()/resolvePerContext(): the instance for this context, including forwardRef builds it started. */
  async resolveTopLevel(binding: Binding, context: ResolutionContext): Promise<unknown> {
    let value = this.resolveBinding(binding, context, undefined, undefined);
    if (value instanceof Promise) value = await value;
    if (context.background) await this.drain(context);
    return value;
  }

  /** ModuleRef.create(): a new instance every call, stored nowhere. */
  async buildDetached(binding: Binding, context: ResolutionContext): Promise<unknown> {
    let value = this.build(binding, new InstanceSlot(), context, undefined, undefined);
    if (value instanceof Promise) value = await value;
    if (context.background) await this.drain(context);
    return value;
  }

  /** The built singleton, read back from the tsyringe container of its module when it is published there. */
  readStatic(binding: Binding): unknown {
    const target = binding.aliasTarget ?? binding;
    if (!target.isSingleton) {
      throw new InvalidScopeError(
        `${target.name} is ${target.isTransient ? 'TRANSIENT' : 'request-scoped'}: there is no single instance to get(). Use resolve() instead.`,
      );
    }
    if (!target.staticSlot.done) {
      throw new InstanceNotReadyError(
        `${target.name} is not instantiated yet: get() was called while the application is booting (e.g. in a constructor or a factory). ` +
          `Inject it instead, or call get() in onModuleInit().`,
      );
    }
    return target.host ? target.host.readPublished(target) : target.staticSlot.value;
  }

  private async drain(context: ResolutionContext): Promise<void> {
    while (context.background) {
      const started = context.background;
      context.background = undefined;
      await Promise.all(started);
    }
  }

  // Hot path for request-scoped resolution.
  private resolveBinding(binding: Binding, context: ResolutionContext, ownerSlot: InstanceSlot | undefined, ownerBinding: Binding | undefined): unknown {
    const slot = this.slotFor(binding, context, ownerSlot);
    if (slot.done) return slot.value;
    if (slot.pending) return slot.pending;
    return this.build(binding, slot, context, ownerSlot, ownerBinding);
  }

  private slotFor(binding: Binding, context: ResolutionContext, ownerSlot: InstanceSlot | undefined): InstanceSlot {
    if (binding.scope === Scope.TRANSIENT) {
      const owner = ownerSlot ?? context.topLevel;
      const transients = (owner.transients ??= new Map());
      let slot = transients.get(binding);
      if (!slot) {
        slot = new InstanceSlot();
        transients.set(binding, slot);
      }
      return slot;
    }
    if (binding.isTreeStatic) return binding.staticSlot;
    if (context.isStatic) {
      throw new InvalidScopeError(`${binding.name} is request-scoped: it can only be resolved within a context (use resolve() with a context id).`);
    }
    let slot = context.slots.get(binding);
    if (!slot) {
      slot = new InstanceSlot();
      context.slots.set(binding, slot);
    }
    return slot;
  }

  private build(binding: Binding, slot: InstanceSlot, context: ResolutionContext, ownerSlot: InstanceSlot | undefined, ownerBinding: Binding | undefined): unknown {
    slot.scheduled = true;
    // Only a TRANSIENT instance belongs to one consumer; a shared instance has no single inquirer.
    const inquirerSlot = binding.scope === Scope.TRANSIENT ? ownerSlot : undefined;
    const inquirerBinding = binding.scope === Scope.TRANSIENT ? ownerBinding : undefined;
    switch (binding.kind) {
      case 'class':
        return this.buildClass(binding, slot, context, inquirerSlot, inquirerBinding);
      case 'factory':
        return this.buildFactory(binding, slot, context, inquirerSlot, inquirerBinding);
      case 'value':
        return this.buildValue(binding, slot);
      default:
        throw new Error(`Armature internal error: ${binding.name} (${binding.kind}) cannot be built.`);
    }
  }

  /** A Promise given as useValue is awaited once, as NestJS does. */
  private buildValue(binding: Binding, slot: InstanceSlot): unknown {
    if (!isThenable(binding.value)) return this.finish(binding, slot, binding.value);
    return this.track(slot, Promise.resolve(binding.value).then((value) => this.finish(binding, slot, value)));
  }

  private buildClass(binding: Binding, slot: InstanceSlot, context: ResolutionContext, inquirerSlot: InstanceSlot | undefined, inquirerBinding: Binding | undefined): unknown {
    const args = this.resolveList(binding.deps, binding, slot, context, inquirerSlot, inquirerBinding);
    const properties = binding.properties.length ? this.resolveList(binding.properties, binding, slot, context, inquirerSlot, inquirerBinding) : NO_VALUES;
    if (args instanceof Promise || properties instanceof Promise) {
      return this.track(
        slot,
        Promise.all([args, properties]).then(([resolvedArgs, resolvedProperties]) => this.construct(binding, slot, resolvedArgs, resolvedProperties)),
      );
    }
    return this.construct(binding, slot, args, properties);
  }

  private construct(binding: Binding, slot: InstanceSlot, args: unknown[], properties: unknown[]): unknown {
    const built = new binding.metatype!(...args) as object;
    let instance = built;
    // Someone already holds the placeholder (forwardRef cycle): it becomes the instance, as in NestJS.
    if (slot.placeholder) instance = Object.assign(slot.placeholder, built);
    for (let index = 0; index < properties.length; index++) {
      const value = properties[index];
      if (value !== undefined && value !== null) (instance as Record<PropertyKey, unknown>)[binding.properties[index].position] = value;
    }
    return this.finish(binding, slot, instance);
  }

  private buildFactory(binding: Binding, slot: InstanceSlot, context: ResolutionContext, inquirerSlot: InstanceSlot | undefined, inquirerBinding: Binding | undefined): unknown {
    const args = this.resolveList(binding.deps, binding, slot, context, inquirerSlot, inquirerBinding);
    if (args instanceof Promise) return this.track(slot, args.then((resolvedArgs) => this.callFactory(binding, slot, resolvedArgs)));
    const result = this.callFactory(binding, slot, args);
    return result instanceof Promise ? this.track(slot, result) : result;
  }

  private callFactory(binding: Binding, slot: InstanceSlot, args: unknown[]): unknown {
    const produced = binding.factory!(...args);
    if (isThenable(produced)) return Promise.resolve(produced).then((value) => this.finish(binding, slot, value));
    return this.finish(binding, slot, produced);
  }

  private finish(binding: Binding, slot: InstanceSlot, value: unknown): unknown {
    slot.value = value;
    slot.done = true;
    slot.pending = undefined;
    if (slot.inquirerStubs) {
      // Stubs were handed out before the instance existed: make them read through to it.
      for (const stub of slot.inquirerStubs) Object.setPrototypeOf(stub, value as object);
      slot.inquirerStubs = undefined;
    }
    if (slot === binding.staticSlot) binding.host?.publish(binding, value);
    return value;
  }

  private track(slot: InstanceSlot, promise: Promise<unknown>): Promise<unknown> {
    slot.pending = promise;
    // Whoever waits for it gets the rejection; this only stops a build abandoned by a failed boot from
    // surfacing later as an unhandled rejection (which would kill the process).
    promise.catch(ignore);
    return promise;
  }

  private resolveList(
    dependencies: readonly LinkedDependency[],
    consumer: Binding,
    consumerSlot: InstanceSlot,
    context: ResolutionContext,
    inquirerSlot: InstanceSlot | undefined,
    inquirerBinding: Binding | undefined,
  ): unknown[] | Promise<unknown[]> {
    const values = new Array<unknown>(dependencies.length);
    let pending: Promise<unknown>[] | undefined;
    let pendingIndexes: number[] | undefined;
    for (let index = 0; index < dependencies.length; index++) {
      const value = this.resolveDependency(dependencies[index], consumer, consumerSlot, context, inquirerSlot, inquirerBinding);
      if (value instanceof Promise) {
        (pending ??= []).push(value);
        (pendingIndexes ??= []).push(index);
      } else {
        values[index] = value;
      }
    }
    if (!pending) return values;
    const indexes = pendingIndexes!;
    return Promise.all(pending).then((results) => {
      for (let index = 0; index < results.length; index++) values[indexes[index]] = results[index];
      return values;
    });
  }

  private resolveDependency(
    dependency: LinkedDependency,
    consumer: Binding,
    consumerSlot: InstanceSlot,
    context: ResolutionContext,
    inquirerSlot: InstanceSlot | undefined,
    inquirerBinding: Binding | undefined,
  ): unknown {
    const target = dependency.target;
    if (target === null) return undefined;
    if (target.kind === 'request') return context.request;
    if (target.kind === 'inquirer') return inquirerBinding && this.inquirerView(inquirerBinding, inquirerSlot!);
    if (dependency.breaksCycle) return this.forwardInstance(target, consumer, consumerSlot, context);
    return this.resolveBinding(target, context, consumerSlot, consumer);
  }

  /**
   * A forwardRef() step inside a cycle: hand out the target's placeholder now and build the target after the
   * current synchronous work, when the consumer is either built or pending (so the target can wait for it).
   */
  private forwardInstance(target: Binding, consumer: Binding, consumerSlot: InstanceSlot, context: ResolutionContext): unknown {
    const slot = this.slotFor(target, context, consumerSlot);
    if (slot.done) return slot.value;
    const placeholder = (slot.placeholder ??= Object.create(target.metatype!.prototype) as object);
    if (!slot.scheduled) {
      slot.scheduled = true;
      const build = Promise.resolve().then(() => this.resolveBinding(target, context, consumerSlot, consumer));
      build.catch(ignore); // awaited (and reported) by drain()
      (context.background ??= []).push(build);
    }
    return placeholder;
  }

  /**
   * INQUIRER for a transient: its consumer. The consumer is still being built at that point, so unless a
   * placeholder exists we hand out a stub with the consumer's prototype, re-pointed at the real instance once
   * it is built (NestJS hands out a bare prototype object).
   */
  private inquirerView(owner: Binding, ownerSlot: InstanceSlot): unknown {
    if (ownerSlot.done) return ownerSlot.value;
    if (ownerSlot.placeholder) return ownerSlot.placeholder;
    if (owner.kind !== 'class') return undefined;
    const stub = Object.create(owner.metatype!.prototype) as object;
    (ownerSlot.inquirerStubs ??= []).push(stub);
    return stub;
  }
}
