import type { ModuleSlot } from '../module-editor';

/** One `armature generate` schematic: its templates and where its class gets registered. */
export interface Schematic {
  readonly name: string;
  /** NestJS's short alias (`co` for controller). */
  readonly alias: string;
  readonly description: string;
  /** Folder under `templates/schematics/`. */
  readonly template: string;
  /** The suffix of its files and classes (`cats.controller.ts`, `CatsController`). */
  readonly suffix: string;
  /** Whether it goes straight into the target folder rather than into a folder of its own (NestJS's defaults). */
  readonly flat: boolean;
  /** The `@Module()` array its class is added to in the nearest module; none for classes bound with decorators. */
  readonly registerAs?: ModuleSlot;
  /** Extra variables for its templates (the resource's entity names). */
  readonly resource?: true;
  /** Printed after generating: what the user still has to do. */
  readonly nextStep?: (className: string) => string;
}

export const SCHEMATICS: readonly Schematic[] = [
  { name: 'module', alias: 'mo', description: 'a module', template: 'module', suffix: 'module', flat: false, registerAs: 'imports' },
  { name: 'controller', alias: 'co', description: 'a controller (with spec)', template: 'controller', suffix: 'controller', flat: false, registerAs: 'controllers' },
  { name: 'service', alias: 's', description: 'an injectable service (with spec)', template: 'service', suffix: 'service', flat: false, registerAs: 'providers' },
  {
    name: 'guard',
    alias: 'gu',
    description: 'a guard (CanActivate)',
    template: 'guard',
    suffix: 'guard',
    flat: true,
    nextStep: (name) => `bind it with @UseGuards(${name}) on a controller or handler, or app.useGlobalGuards(new ${name}()).`,
  },
  {
    name: 'interceptor',
    alias: 'itc',
    description: 'an interceptor (NestInterceptor)',
    template: 'interceptor',
    suffix: 'interceptor',
    flat: true,
    nextStep: (name) => `bind it with @UseInterceptors(${name}) on a controller or handler.`,
  },
  {
    name: 'pipe',
    alias: 'pi',
    description: 'a pipe (PipeTransform)',
    template: 'pipe',
    suffix: 'pipe',
    flat: true,
    nextStep: (name) => `use it as @Body(${name}) / @Param('id', ${name}), or with @UsePipes(${name}).`,
  },
  {
    name: 'filter',
    alias: 'f',
    description: 'an exception filter (ExceptionFilter)',
    template: 'filter',
    suffix: 'filter',
    flat: true,
    nextStep: (name) => `bind it with @UseFilters(${name}) on a controller or handler, or app.useGlobalFilters(new ${name}()).`,
  },
  {
    name: 'middleware',
    alias: 'mi',
    description: 'a middleware class (NestMiddleware)',
    template: 'middleware',
    suffix: 'middleware',
    flat: true,
    nextStep: (name) => `apply it in a module's configure(consumer): consumer.apply(${name}).forRoutes('*').`,
  },
  {
    name: 'gateway',
    alias: 'ga',
    description: 'a WebSocket gateway (@armature/websocket)',
    template: 'gateway',
    suffix: 'gateway',
    flat: false,
    registerAs: 'providers',
    nextStep: () => 'gateways need @armature/websocket: add it to your dependencies if it is not there yet.',
  },
  {
    name: 'resource',
    alias: 'res',
    description: 'a CRUD resource: module, controller, service, DTOs with schemas, entity, specs',
    template: 'resource',
    suffix: 'resource',
    flat: false,
    registerAs: 'imports',
    resource: true,
  },
];

export function findSchematic(nameOrAlias: string): Schematic | undefined {
  const wanted = nameOrAlias.toLowerCase();
  return SCHEMATICS.find((schematic) => schematic.name === wanted || schematic.alias === wanted);
}

/** The schematic name closest to a typo (`contoller` → `controller`), if any is close enough. */
export function suggestSchematic(typed: string): string | undefined {
  let best: { name: string; distance: number } | undefined;
  for (const { name } of SCHEMATICS) {
    const distance = editDistance(typed.toLowerCase(), name);
    if (best === undefined || distance < best.distance) best = { name, distance };
  }
  return best !== undefined && best.distance <= Math.max(2, Math.floor(best.name.length / 3)) ? best.name : undefined;
}

function editDistance(a: string, b: string): number {
  let previous = Array.from({ length: b.length + 1 }, (_, j) => j);
  for (let i = 1; i <= a.length; i++) {
    const current = [i];
    for (let j = 1; j <= b.length; j++) {
      current[j] = Math.min(previous[j]! + 1, current[j - 1]! + 1, previous[j - 1]! + (a[i - 1] === b[j - 1] ? 0 : 1));
    }
    previous = current;
  }
  return previous[b.length]!;
}
