import type { Binding } from './binding';
import type { ContainerRuntime } from './container-runtime';
import { createContextId, type ContextId } from './context-id';
import { UnknownElementError } from './errors';
import type { InjectionToken } from './injection-token';
import type { ModuleNode } from './module-node';
import { Scope } from './scope';
import type { IntrospectionResult } from './module-ref';
import { tokenName } from './token-name';

/** The bindings registered under `token` in `modules` (own providers and controllers only), aliases followed. */
export function findBindings(token: InjectionToken, modules: readonly ModuleNode[]): Binding[] {
  const found: Binding[] = [];
  for (const node of modules) {
    const binding = node.ownBinding(token);
    if (binding) found.push(binding.aliasTarget ?? binding);
  }
  return found;
}

/** `strictModule`: the only module searched, or undefined when every module was. */
export function findBindingOrThrow(token: InjectionToken, modules: readonly ModuleNode[], runtime: ContainerRuntime, strictModule: ModuleNode | undefined): Binding {
  const [binding] = findBindings(token, modules);
  if (binding) return binding;
  throw new UnknownElementError(unknownElementMessage(token, runtime, strictModule));
}

export function getSingleton(token: InjectionToken, modules: readonly ModuleNode[], runtime: ContainerRuntime, strictModule: ModuleNode | undefined): unknown {
  return runtime.injector.readStatic(findBindingOrThrow(token, modules, runtime, strictModule));
}

export async function resolveInContext(
  token: InjectionToken,
  modules: readonly ModuleNode[],
  runtime: ContainerRuntime,
  strictModule: ModuleNode | undefined,
  contextId: ContextId = createContextId(),
): Promise<unknown> {
  const binding = findBindingOrThrow(token, modules, runtime, strictModule);
  if (binding.isSingleton) return runtime.injector.readStatic(binding);
  return runtime.injector.resolveTopLevel(binding, runtime.injector.contextFor(contextId));
}

export function introspectBinding(binding: Binding): IntrospectionResult {
  if (!binding.isTreeStatic) return { scope: Scope.REQUEST };
  return { scope: binding.isTransient ? Scope.TRANSIENT : Scope.DEFAULT };
}

function unknownElementMessage(token: InjectionToken, runtime: ContainerRuntime, strictModule: ModuleNode | undefined): string {
  const name = tokenName(token);
  if (!strictModule) {
    return `Armature could not find ${name} element: no module of this application provides it (it must be listed in the providers or controllers of an imported module).`;
  }
  const elsewhere = runtime.modules.filter((node) => node !== strictModule && node.ownBinding(token));
  const hint = elsewhere.length
    ? ` It is provided by ${elsewhere.map((node) => node.name).join(', ')}: use { strict: false } to search every module.`
    : '';
  return (
    `Armature could not find ${name} element in ${strictModule.name} ` +
    `(strict mode looks at ${strictModule.name}'s own providers and controllers only).${hint}`
  );
}
