import type { FactoryDependency } from './provider.types';
import type { InjectionToken } from './injection-token';
import { InstanceSlot } from './instance-slot';
import type { ModuleNode } from './module-node';
import { Scope } from './scope';
import type { Type } from './type';

export type BindingKind = 'class' | 'value' | 'factory' | 'alias' | 'request' | 'inquirer';

/** Why the binding exists: decides lookup visibility, lifecycle hooks and publication. */
export type BindingRole = 'provider' | 'controller' | 'module' | 'module-ref' | 'enhancer' | 'detached' | 'special';

/** A dependency after lookup: the binding that satisfies it, found once at boot. */
export interface LinkedDependency {
  /** `null`: optional and not available. Never an alias (aliases are followed when linking). */
  readonly target: Binding | null;
  /** Declared with forwardRef(). */
  readonly forward: boolean;
  /** Set by the cycle analysis: hand out a placeholder instead of waiting for the target. */
  breaksCycle: boolean;
  /** Constructor or factory argument index, or property key. */
  readonly position: number | string | symbol;
}

export interface BindingDefinition {
  kind: BindingKind;
  scope: Scope;
  metatype?: Type;
  value?: unknown;
  factory?: (...args: any[]) => unknown;
  inject?: readonly FactoryDependency[];
  existing?: unknown;
}

/** One provider, controller, module class or enhancer of one module: how to build it and what it needs. */
export class Binding {
  readonly kind: BindingKind;
  readonly scope: Scope;
  readonly metatype: Type | undefined;
  readonly value: unknown;
  readonly factory: ((...args: any[]) => unknown) | undefined;
  readonly inject: readonly FactoryDependency[];
  readonly existing: unknown;

  /** Constructor parameters or factory arguments, in order. */
  deps: LinkedDependency[] = [];
  properties: LinkedDependency[] = [];
  /** For aliases: the binding they stand for (never itself an alias). */
  aliasTarget: Binding | undefined = undefined;
  linked = false;
  /** False when it or anything it depends on is REQUEST-scoped (scope bubbles up to consumers). */
  isTreeStatic = true;
  readonly staticSlot = new InstanceSlot();

  constructor(
    readonly token: InjectionToken,
    /** For messages: the class name for classes, the token otherwise. */
    readonly name: string,
    readonly role: BindingRole,
    readonly host: ModuleNode | undefined,
    definition: BindingDefinition,
  ) {
    this.kind = definition.kind;
    this.scope = definition.scope;
    this.metatype = definition.metatype;
    this.value = definition.value;
    this.factory = definition.factory;
    this.inject = definition.inject ?? [];
    this.existing = definition.existing;
  }

  get isTransient(): boolean {
    return this.scope === Scope.TRANSIENT;
  }

  /** One shared instance built at boot. */
  get isSingleton(): boolean {
    return this.isTreeStatic && this.scope !== Scope.TRANSIENT;
  }
}
