import { getModuleMetadata } from './decorators/module.decorator';
import { UndefinedProviderError, UnknownExportError } from './errors';
import { isForwardReference } from './forward-ref';
import type { InjectionToken } from './injection-token';
import { isDynamicModule } from './module.types';
import type { ModuleNode } from './module-node';
import { scopeLine, undefinedEntryMessage } from './provider-normalizer';
import { tokenName } from './token-name';

/**
 * Fills a module's exported tokens and re-exported modules. As in NestJS, a module exports its own providers
 * or modules it imports; re-exporting a single provider of an imported module is an error.
 */
export function registerExports(node: ModuleNode): void {
  node.metadata.exports.forEach((entry, index) => {
    if (entry === undefined || entry === null) {
      throw new UndefinedProviderError(undefinedEntryMessage(node, 'exports', index));
    }
    const token = exportedToken(entry);
    if (node.providers.has(token)) {
      node.exportedTokens.add(token);
    } else if (node.imports.some((imported) => imported.metatype === token)) {
      node.exportedModules.add(token as Function);
    } else {
      throw new UnknownExportError(unknownExportMessage(node, token));
    }
  });
}

function exportedToken(entry: unknown): InjectionToken {
  if (isForwardReference(entry)) return entry.forwardRef() as InjectionToken;
  if (isDynamicModule(entry)) return entry.module;
  if (typeof entry === 'object' && entry !== null && 'provide' in entry) return (entry as { provide: InjectionToken }).provide;
  return entry as InjectionToken;
}

/** What a module declares in `exports`, without validating it (its own registration may not have run yet). */
function declaredExportTokens(node: ModuleNode): InjectionToken[] {
  return node.metadata.exports.filter((entry) => entry !== undefined && entry !== null).map(exportedToken);
}

function unknownExportMessage(node: ModuleNode, token: InjectionToken): string {
  const name = tokenName(token);
  const solutions: string[] = [];
  if (typeof token === 'function' && getModuleMetadata(token)) {
    solutions.push(`${name} is a module: add it to ${node.name}'s imports to re-export it.`);
  } else {
    solutions.push(`Add ${name} to ${node.name}'s providers, or remove it from ${node.name}'s exports.`);
  }
  for (const imported of node.imports) {
    if (declaredExportTokens(imported).includes(token)) {
      solutions.push(
        `${name} is exported by ${imported.name}, which ${node.name} imports: export ${imported.name} instead (exporting a module re-exports its exports).`,
      );
    }
  }
  return (
    `Armature cannot export "${name}" from ${node.name}: it is neither one of ${node.name}'s providers nor a module ${node.name} imports.\n\n` +
    `Potential solutions:\n${solutions.map((line) => `- ${line}`).join('\n')}` +
    scopeLine(node)
  );
}
