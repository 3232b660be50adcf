// The programmatic face of the CLI: what its commands are built from, for tools and tests.
export { createProgram } from './program';
export { main } from './cli';
export { CliError } from './errors';
export { parseElementName, singularize, toCamelCase, toKebabCase, toPascalCase, toPackageName, type ElementName } from './names';
export { findProjectRoot, loadProject, type ArmatureConfig, type Project } from './project';
export { registerInModule, type ModuleRegistration, type ModuleSlot, type ModuleEditResult } from './module-editor';
export { SCHEMATICS, findSchematic, type Schematic } from './schematics/catalog';
export { planSchematic, type GenerateOptions, type GenerationPlan } from './schematics/plan';
export { formatRouteTable, routesAsJson, routeColumns, type ListedRoute } from './route-table-format';
export { unifiedDiff } from './text-diff';
