import type { Binding } from './binding';
import type { InjectionToken } from './injection-token';
import type { ModuleNode } from './module-node';

/**
 * NestJS's encapsulation: a module sees its own providers, then what its imports (global modules included)
 * export; an imported module that exports another module passes that module's exports along.
 */
export function lookupVisible(node: ModuleNode, token: InjectionToken): Binding | undefined {
  const own = node.providers.get(token);
  if (own) return own;
  return lookupInImports(node, token, new Set([node]), false);
}

function lookupInImports(node: ModuleNode, token: InjectionToken, visited: Set<ModuleNode>, throughExports: boolean): Binding | undefined {
  for (const imported of node.visibleImports()) {
    // Deeper than the first level, only modules re-exported by `node` pass their exports along.
    if (throughExports && !node.exportedModules.has(imported.metatype)) continue;
    if (visited.has(imported)) continue;
    visited.add(imported);
    if (imported.exportedTokens.has(token)) {
      const provided = imported.providers.get(token);
      if (provided) return provided;
    }
    const reexported = lookupInImports(imported, token, visited, true);
    if (reexported) return reexported;
  }
  return undefined;
}
