import type { ContainerRuntime } from './container-runtime';
import { isGlobalModule } from './decorators/global.decorator';
import { getModuleMetadata } from './decorators/module.decorator';
import { InvalidModuleError, UndefinedModuleError } from './errors';
import { isForwardReference } from './forward-ref';
import { dynamicModuleKey, STATIC_MODULE_KEY } from './module-key';
import { ModuleNode, type MergedModuleMetadata } from './module-node';
import { isDynamicModule, type DynamicModule, type ModuleImport } from './module.types';
import type { Type } from './type';

interface ImportSite {
  parent: ModuleNode | undefined;
  index: number;
}

/**
 * Walks the import graph from the root: resolves forwardRefs, awaits async dynamic modules, applies module
 * overrides, and creates one node per distinct module (same class + same dynamic metadata = same node).
 */
export class ModuleScanner {
  readonly nodes: ModuleNode[] = [];
  private readonly nodesByClass = new Map<Function, Map<string, ModuleNode>>();

  constructor(
    private readonly runtime: ContainerRuntime,
    private readonly moduleOverrides: ReadonlyMap<ModuleImport, ModuleImport> | undefined,
  ) {}

  /** Scans the root's graph, then the framework's own (global) modules, which sit beside the root. */
  async scan(root: ModuleImport, coreModules: readonly ModuleImport[] = []): Promise<ModuleNode> {
    const rootNode = await this.visit(root, { parent: undefined, index: 0 });
    for (let index = 0; index < coreModules.length; index++) await this.visit(coreModules[index], { parent: undefined, index });
    return rootNode;
  }

  private async visit(entry: unknown, site: ImportSite): Promise<ModuleNode> {
    const definition = await this.resolveDefinition(entry, site);
    const type = isDynamicModule(definition) ? definition.module : definition;
    const key = isDynamicModule(definition) ? dynamicModuleKey(definition) : STATIC_MODULE_KEY;
    let variants = this.nodesByClass.get(type);
    const existing = variants?.get(key);
    if (existing) return existing;
    if (!variants) this.nodesByClass.set(type, (variants = new Map()));

    const node = this.createNode(type, isDynamicModule(definition) ? definition : undefined, site);
    // Registered before its imports are visited, so a forwardRef() import cycle finds it.
    variants.set(key, node);
    this.nodes.push(node);
    for (let index = 0; index < node.metadata.imports.length; index++) {
      node.imports.push(await this.visit(node.metadata.imports[index], { parent: node, index }));
    }
    return node;
  }

  private async resolveDefinition(entry: unknown, site: ImportSite): Promise<Type | DynamicModule> {
    let current = entry;
    let viaForwardRef = false;
    let overridden = false;
    for (;;) {
      if (current === undefined || current === null) throw new UndefinedModuleError(undefinedImportMessage(site, viaForwardRef));
      if (!overridden) {
        const replacement = this.overrideFor(current);
        if (replacement !== undefined) {
          current = replacement;
          overridden = true;
          continue;
        }
      }
      if (isForwardReference(current)) {
        current = current.forwardRef();
        viaForwardRef = true;
      } else if (current instanceof Promise) {
        current = await current;
      } else {
        break;
      }
    }
    if (isDynamicModule(current)) return current;
    if (typeof current === 'function' && getModuleMetadata(current)) return current as Type;
    throw new InvalidModuleError(invalidImportMessage(current, site));
  }

  /** A module override matches the import itself, or (for a class key) any dynamic import of that class. */
  private overrideFor(entry: unknown): ModuleImport | undefined {
    if (!this.moduleOverrides) return undefined;
    const direct = this.moduleOverrides.get(entry as ModuleImport);
    if (direct !== undefined) return direct;
    return isDynamicModule(entry) ? this.moduleOverrides.get(entry.module) : undefined;
  }

  private createNode(type: Type, dynamic: DynamicModule | undefined, site: ImportSite): ModuleNode {
    const declared = getModuleMetadata(type) ?? {};
    const merge = (key: keyof MergedModuleMetadata): unknown[] => {
      const own = declared[key] ?? [];
      const extra = dynamic?.[key] ?? [];
      if (!Array.isArray(own) || !Array.isArray(extra)) {
        throw new InvalidModuleError(`Armature cannot create the ${type.name} module: its "${key}" must be an array.`);
      }
      return extra.length ? [...own, ...extra] : own;
    };
    const metadata: MergedModuleMetadata = {
      imports: merge('imports'),
      providers: merge('providers'),
      controllers: merge('controllers'),
      exports: merge('exports'),
    };
    // As in NestJS, `global: false` does not undo @Global().
    const isGlobal = dynamic?.global === true || isGlobalModule(type);
    const importPath = site.parent ? [...site.parent.importPath, type.name] : [type.name];
    return new ModuleNode(type, metadata, isGlobal, importPath, this.runtime);
  }
}

function undefinedImportMessage(site: ImportSite, viaForwardRef: boolean): string {
  if (!site.parent) return 'Armature cannot create the application: the root module is undefined. Check the import of the module passed to create().';
  const { name, importPath } = site.parent;
  const what = viaForwardRef ? `The forwardRef() at index [${site.index}]` : `The module at index [${site.index}]`;
  const causes = viaForwardRef
    ? [`forwardRef(() => X) returned undefined: X is not exported from the file it is imported from, or is misspelled.`]
    : [
        `A circular dependency between modules (their files import each other). Use forwardRef() on both sides: imports: [forwardRef(() => OtherModule)].`,
        `The module at index [${site.index}] is of type "undefined". Check your import statements and the type of the module.`,
      ];
  return (
    `Armature cannot create the ${name} instance.\n${what} of the ${name} "imports" array is undefined.\n\n` +
    `Potential causes:\n${causes.map((line) => `- ${line}`).join('\n')}\n\n` +
    `Scope [${importPath.join(' -> ')}]`
  );
}

function invalidImportMessage(value: unknown, site: ImportSite): string {
  const described = typeof value === 'function' ? value.name || 'an anonymous class' : describe(value);
  if (!site.parent) {
    return `Armature cannot create the application: ${described} is not a module. Decorate it with @Module(), or pass a DynamicModule.`;
  }
  const { name, importPath } = site.parent;
  const advice =
    typeof value === 'function'
      ? `${described} has no @Module() decorator. Add @Module() to it, or, if it is a provider, list it in ${name}'s providers instead.`
      : `Expected a module class, a DynamicModule ({ module, ... }), a Promise of one, or forwardRef(() => Module).`;
  return (
    `Armature cannot create the ${name} instance.\nThe value at index [${site.index}] of the ${name} "imports" array is not a module (${described}).\n\n` +
    `${advice}\n\nScope [${importPath.join(' -> ')}]`
  );
}

function describe(value: unknown): string {
  if (typeof value === 'object' && value !== null) return `an object with keys {${Object.keys(value).join(', ')}}`;
  return `${typeof value} ${String(value)}`;
}
