import type { Binding } from './binding';

/** Where one instance of a binding lives while and after it is built (per binding, per context or per consumer). */
export class InstanceSlot {
  value: unknown = undefined;
  done = false;
  /** Set while an async build is in flight, so concurrent consumers wait for the same instance. */
  pending: Promise<unknown> | undefined = undefined;
  /** A build is queued (forwardRef cycle) or running. */
  scheduled = false;
  /** The object handed out before construction to break a forwardRef cycle; the built instance is merged into it. */
  placeholder: object | undefined = undefined;
  /** INQUIRER views handed to transient dependencies before this instance existed. */
  inquirerStubs: object[] | undefined = undefined;
  /** TRANSIENT instances owned by this instance (one per transient binding it depends on). */
  transients: Map<Binding, InstanceSlot> | undefined = undefined;
}
