import { Binding, type BindingDefinition, type BindingRole } from './binding';
import { getClassScope } from './class-scope';
import { InvalidProviderError, UndefinedProviderError } from './errors';
import type { InjectionToken } from './injection-token';
import type { ModuleNode } from './module-node';
import type { ProviderOverride } from './provider-override';
import { Scope } from './scope';
import { tokenName } from './token-name';
import type { Type } from './type';

const PROVIDER_KINDS = ['useClass', 'useValue', 'useFactory', 'useExisting'] as const;

/** Turns one `providers` entry into a binding, applying a test override for its token if there is one. */
export function bindingFromProvider(
  provider: unknown,
  host: ModuleNode,
  index: number,
  overrides: ReadonlyMap<InjectionToken, ProviderOverride> | undefined,
): Binding {
  if (provider === undefined || provider === null) {
    throw new UndefinedProviderError(undefinedEntryMessage(host, 'providers', index));
  }
  if (typeof provider === 'function') {
    const type = provider as Type;
    return createBinding(type, 'provider', host, classDefinition(type, getClassScope(type)), overrides);
  }
  if (typeof provider !== 'object' || !('provide' in provider)) {
    throw new InvalidProviderError(
      `Invalid provider at index [${index}] of ${host.name}'s "providers" array: expected a class or ` +
        `{ provide, useClass | useValue | useFactory | useExisting }, received ${describeValue(provider)}.${scopeLine(host)}`,
    );
  }
  const custom = provider as Record<string, unknown> & { provide: InjectionToken };
  const present = PROVIDER_KINDS.filter((kind) => kind in custom);
  if (present.length !== 1) {
    const keys = Object.keys(custom).filter((key) => key !== 'provide');
    throw new InvalidProviderError(
      `Invalid provider "${tokenName(custom.provide)}" at index [${index}] of ${host.name}'s "providers" array: it needs exactly ` +
        `one of ${PROVIDER_KINDS.join(', ')} (found: ${keys.length ? keys.join(', ') : 'nothing'}).${scopeLine(host)}`,
    );
  }
  return createBinding(custom.provide, 'provider', host, customDefinition(custom, present[0], host, index), overrides);
}

export function createBinding(
  token: InjectionToken,
  role: BindingRole,
  host: ModuleNode,
  original: BindingDefinition,
  overrides: ReadonlyMap<InjectionToken, ProviderOverride> | undefined,
): Binding {
  const override = overrides?.get(token);
  const definition = override ? overriddenDefinition(override, original.scope) : original;
  const name = definition.kind === 'class' && definition.metatype ? definition.metatype.name : tokenName(token);
  return new Binding(token, name, role, host, definition);
}

export function classDefinition(type: Type, scope: Scope): BindingDefinition {
  return { kind: 'class', scope, metatype: type };
}

function customDefinition(provider: Record<string, unknown>, kind: (typeof PROVIDER_KINDS)[number], host: ModuleNode, index: number): BindingDefinition {
  const declaredScope = provider.scope as Scope | undefined;
  switch (kind) {
    case 'useClass': {
      const type = provider.useClass;
      if (typeof type !== 'function') {
        throw new InvalidProviderError(
          `Invalid provider "${tokenName(provider.provide)}" at index [${index}] of ${host.name}'s "providers" array: ` +
            `useClass must be a class, received ${describeValue(type)}.${scopeLine(host)}`,
        );
      }
      return classDefinition(type as Type, declaredScope ?? getClassScope(type as Type));
    }
    case 'useValue':
      return { kind: 'value', scope: Scope.DEFAULT, value: provider.useValue };
    case 'useFactory': {
      if (typeof provider.useFactory !== 'function') {
        throw new InvalidProviderError(
          `Invalid provider "${tokenName(provider.provide)}" at index [${index}] of ${host.name}'s "providers" array: ` +
            `useFactory must be a function, received ${describeValue(provider.useFactory)}.${scopeLine(host)}`,
        );
      }
      const inject = provider.inject ?? [];
      if (!Array.isArray(inject)) {
        throw new InvalidProviderError(
          `Invalid provider "${tokenName(provider.provide)}" at index [${index}] of ${host.name}'s "providers" array: ` +
            `inject must be an array of tokens.${scopeLine(host)}`,
        );
      }
      return { kind: 'factory', scope: declaredScope ?? Scope.DEFAULT, factory: provider.useFactory as (...args: any[]) => unknown, inject };
    }
    case 'useExisting':
      return { kind: 'alias', scope: Scope.DEFAULT, existing: provider.useExisting };
  }
}

/** Overrides keep the original's scope, except values, which are plain singletons (as in NestJS). */
function overriddenDefinition(override: ProviderOverride, originalScope: Scope): BindingDefinition {
  if ('useValue' in override) return { kind: 'value', scope: Scope.DEFAULT, value: override.useValue };
  if ('useClass' in override) return classDefinition(override.useClass, originalScope);
  return { kind: 'factory', scope: originalScope, factory: override.useFactory, inject: override.inject ?? [] };
}

export function undefinedEntryMessage(host: ModuleNode, array: 'providers' | 'controllers' | 'exports', index: number): string {
  const noun = array === 'controllers' ? 'controller' : array === 'exports' ? 'export' : 'provider';
  return (
    `Armature cannot create the ${host.name} module: the ${noun} at index [${index}] of the ${host.name} "${array}" array is undefined.\n\n` +
    `Potential causes:\n` +
    `- A circular file import: the file declaring it imports (directly or not) the file of ${host.name}, so the class was not yet defined when @Module() ran. Move the class so the files no longer import each other.\n` +
    `- A wrong import: check that the name is exported from that file (named vs default export) and spelled the same.` +
    scopeLine(host)
  );
}

export function scopeLine(host: ModuleNode): string {
  return `\n\nScope [${host.importPath.join(' -> ')}]`;
}

function describeValue(value: unknown): string {
  if (value === null) return 'null';
  if (Array.isArray(value)) return 'an array (providers arrays are not nested: spread it instead)';
  if (typeof value === 'object') return `an object with keys {${Object.keys(value as object).join(', ')}}`;
  return `${typeof value} ${String(value)}`;
}
