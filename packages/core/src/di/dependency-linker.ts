import type { Binding, LinkedDependency } from './binding';
import { getClassDependencies } from './class-dependencies';
import { diagnoseMissingDependency } from './dependency-diagnosis';
import { undefinedDependencyMessage, unknownDependencyMessage, type DependencyPosition } from './dependency-messages';
import { CircularDependencyError, UndefinedDependencyError, UnknownDependenciesError } from './errors';
import { isForwardReference } from './forward-ref';
import type { InjectionToken } from './injection-token';
import type { ModuleNode } from './module-node';
import type { OptionalFactoryDependency } from './provider.types';
import { tokenName } from './token-name';
import { INQUIRER, REQUEST } from './tokens';

/** The REQUEST and INQUIRER pseudo-providers: visible everywhere, valued by the resolution, not built. */
export interface SpecialBindings {
  readonly request: Binding;
  readonly inquirer: Binding;
}

interface DeclaredDependency {
  raw: unknown;
  optional: boolean;
  position: DependencyPosition;
}

/**
 * Finds, once at boot, the binding that satisfies every dependency of a binding under its module's visibility.
 * Missing or undefined dependencies fail here, before anything is instantiated.
 */
export class DependencyLinker {
  constructor(
    private readonly specials: SpecialBindings,
    private readonly modules: () => readonly ModuleNode[],
  ) {}

  link(binding: Binding): void {
    if (binding.linked) return;
    binding.linked = true;
    switch (binding.kind) {
      case 'class':
        this.linkClass(binding);
        break;
      case 'factory':
        this.linkFactory(binding);
        break;
      case 'alias':
        binding.aliasTarget = this.followAlias(binding, []);
        break;
      default:
        break;
    }
  }

  private linkClass(binding: Binding): void {
    const { params, properties } = getClassDependencies(binding.metatype!);
    const declaredParams = params.map((param) => ({ raw: param.token, optional: param.optional, position: param.index }));
    const names = declaredParams.map((param) => tokenName(param.raw));
    binding.deps = declaredParams.map((param) => this.linkDependency(binding, param, names));
    binding.properties = properties.map((property) =>
      this.linkDependency(binding, { raw: property.token, optional: property.optional, position: property.key }, names),
    );
  }

  private linkFactory(binding: Binding): void {
    const declared = binding.inject.map((entry, index) => {
      const isOptionalEntry = typeof entry === 'object' && entry !== null && 'token' in entry && 'optional' in entry;
      return isOptionalEntry
        ? { raw: (entry as OptionalFactoryDependency).token, optional: (entry as OptionalFactoryDependency).optional, position: index }
        : { raw: entry, optional: false, position: index };
    });
    const names = declared.map((entry) => tokenName(entry.raw));
    binding.deps = declared.map((entry) => this.linkDependency(binding, entry, names));
  }

  private linkDependency(consumer: Binding, declared: DeclaredDependency, argumentNames: readonly string[]): LinkedDependency {
    const forward = isForwardReference(declared.raw);
    const token = (forward ? (declared.raw as { forwardRef: () => unknown }).forwardRef() : declared.raw) as InjectionToken | undefined;
    const position = declared.position;
    if (token === undefined || token === null) {
      throw new UndefinedDependencyError(undefinedDependencyMessage(consumer, argumentNames, position, forward));
    }
    if (token === REQUEST) return { target: this.specials.request, forward, breaksCycle: false, position };
    if (token === INQUIRER) return { target: this.specials.inquirer, forward, breaksCycle: false, position };
    const found = consumer.host!.lookup(token);
    if (!found) {
      if (declared.optional) return { target: null, forward, breaksCycle: false, position };
      const hints = diagnoseMissingDependency(token, consumer.host!, this.modules());
      throw new UnknownDependenciesError(unknownDependencyMessage(consumer, argumentNames, position, tokenName(token), hints));
    }
    return { target: this.ultimate(found), forward, breaksCycle: false, position };
  }

  /** An alias stands for the binding at the end of its useExisting chain. */
  private ultimate(binding: Binding): Binding {
    if (binding.kind !== 'alias') return binding;
    this.link(binding);
    return binding.aliasTarget!;
  }

  private followAlias(alias: Binding, chain: readonly Binding[]): Binding {
    if (chain.includes(alias)) {
      const steps = [...chain.slice(chain.indexOf(alias)), alias];
      const names = steps.map((step) => step.name);
      throw new CircularDependencyError(
        `Armature found a cycle of useExisting aliases: ${names.join(' -> ')}. An alias must end at a provider that is not an alias.`,
        names,
      );
    }
    const forward = isForwardReference(alias.existing);
    const token = (forward ? (alias.existing as { forwardRef: () => unknown }).forwardRef() : alias.existing) as InjectionToken | undefined;
    const names = [tokenName(token)];
    if (token === undefined || token === null) {
      throw new UndefinedDependencyError(undefinedDependencyMessage(alias, names, 0, forward));
    }
    const found = alias.host!.lookup(token);
    if (!found) {
      const hints = diagnoseMissingDependency(token, alias.host!, this.modules());
      throw new UnknownDependenciesError(unknownDependencyMessage(alias, names, 0, tokenName(token), hints));
    }
    if (found.kind !== 'alias') return found;
    if (found.aliasTarget) return found.aliasTarget;
    const target = this.followAlias(found, [...chain, alias]);
    found.linked = true;
    found.aliasTarget = target;
    return target;
  }
}
