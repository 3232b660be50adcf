import type { Binding } from './binding';
import { InstanceSlot } from './instance-slot';

/**
 * The instances of one context: the static (boot) context, or one per ContextId for request-scoped trees.
 * A plain Map keyed by binding, and lazily created extras, so a request costs as few allocations as possible.
 */
export class ResolutionContext {
  readonly slots = new Map<Binding, InstanceSlot>();
  /** Owner of TRANSIENT instances resolved directly (resolve(), resolvePerContext()) rather than by a consumer. */
  private topLevelOwner: InstanceSlot | undefined = undefined;
  /** Builds started to complete a forwardRef cycle; awaited before the context's top-level call returns. */
  background: Promise<unknown>[] | undefined = undefined;

  constructor(
    readonly isStatic: boolean,
    public request: unknown,
  ) {}

  get topLevel(): InstanceSlot {
    return (this.topLevelOwner ??= new InstanceSlot());
  }
}
