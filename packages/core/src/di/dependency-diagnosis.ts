import { getModuleMetadata } from './decorators/module.decorator';
import type { InjectionToken } from './injection-token';
import type { ModuleNode } from './module-node';
import { tokenName } from './token-name';

const PRIMITIVE_WRAPPERS = new Map<unknown, string>([
  [String, 'string'],
  [Number, 'number'],
  [Boolean, 'boolean'],
  [Array, 'an array'],
  [Function, 'a function'],
]);

/**
 * Why `token` is not visible in `consumer`, when we can tell: which module provides it, whether that module
 * exports it, and type-level mistakes (interfaces, primitives). Empty when nothing provides it anywhere.
 */
export function diagnoseMissingDependency(token: InjectionToken, consumer: ModuleNode, modules: readonly ModuleNode[]): string[] {
  const name = tokenName(token);
  const hints = new Set<string>();
  for (const node of modules) {
    if (node === consumer) continue;
    const provided = node.providers.get(token);
    if (provided?.role === 'provider') {
      if (node.exportedTokens.has(token)) {
        hints.add(`${name} is exported by ${node.name}: add ${node.name} to ${consumer.name}'s imports.`);
      } else {
        const importHint = consumer.imports.includes(node) ? '' : `, and add ${node.name} to ${consumer.name}'s imports`;
        hints.add(`${name} is provided by ${node.name} but not exported from it: add it to ${node.name}'s exports${importHint}.`);
      }
    }
    if (node.controllerBindings.has(token as Function)) {
      hints.add(`${name} is a controller of ${node.name}: controllers cannot be injected. Move the shared logic into a provider.`);
    }
  }
  if (token === Object) {
    hints.add(
      'The type was emitted as Object: either it is an interface or type alias (they do not exist at runtime: use @Inject(TOKEN) ' +
        'with a string, symbol or class token), or it is a class from a circular file import that was not defined yet when the ' +
        'class was decorated (use @Inject(forwardRef(() => TheClass))).',
    );
  }
  const primitive = PRIMITIVE_WRAPPERS.get(token);
  if (primitive) {
    hints.add(`The parameter is typed as ${primitive}, which cannot identify a provider: use @Inject(TOKEN) to say what to inject.`);
  }
  if (typeof token === 'function' && getModuleMetadata(token)) {
    hints.add(`${name} is a module: modules are imported, not injected. Inject one of the providers it exports.`);
  }
  return [...hints];
}
