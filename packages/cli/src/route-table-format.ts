import { colors } from './output';

/**
 * A route as `app.getRoutes()` describes it. The pipeline fields are optional: they are shown only
 * when the core's route descriptions carry them, never invented.
 */
export interface ListedRoute {
  method: string;
  path: string;
  handler: string;
  module?: string;
  host?: string;
  versions?: string[];
  guards?: unknown;
  pipes?: unknown;
  interceptors?: unknown;
  schemas?: unknown;
}

interface Column {
  title: string;
  value(route: ListedRoute): string;
}

/** A class, an instance, a name or a list of them, as the names a person reads. */
export function describeEnhancers(value: unknown): string[] {
  if (value === undefined || value === null) return [];
  if (Array.isArray(value)) return value.flatMap((item) => describeEnhancers(item));
  if (typeof value === 'function') return [value.name || 'anonymous'];
  if (typeof value === 'string') return [value];
  if (typeof value === 'object') {
    const name = (value as { name?: unknown }).name;
    if (typeof name === 'string') return [name];
    const constructorName = (value as object).constructor?.name;
    return [constructorName !== undefined && constructorName !== 'Object' ? constructorName : JSON.stringify(value)];
  }
  return [String(value)];
}

/**
 * The parts of a route's schemas: `{ body, response: { 201, 400 } }` (as declared with `@Schema`)
 * or `{ body, responses: { 400 }, successResponse }` (as the core stores it) → `body, response 201/400`.
 */
export function describeSchemas(value: unknown): string[] {
  if (value === undefined || value === null) return [];
  if (Array.isArray(value)) return value.map(String);
  if (typeof value !== 'object') return [String(value)];
  const parts: string[] = [];
  const statuses: string[] = [];
  let hasResponse = false;
  for (const [part, schema] of Object.entries(value as Record<string, unknown>)) {
    if (schema === undefined) continue;
    if (part === 'response' || part === 'responses' || part === 'successResponse') {
      const codes = part !== 'successResponse' && typeof schema === 'object' && schema !== null ? Object.keys(schema).filter((key) => /^\d{3}$/.test(key)) : [];
      statuses.push(...codes);
      hasResponse ||= codes.length > 0 || part !== 'responses';
    } else {
      parts.push(part);
    }
  }
  if (hasResponse) parts.push(statuses.length > 0 ? `response ${[...new Set(statuses)].sort().join('/')}` : 'response');
  return parts;
}

const BASE_COLUMNS: Column[] = [
  { title: 'METHOD', value: (route) => route.method },
  { title: 'PATH', value: (route) => route.path },
  { title: 'HANDLER', value: (route) => route.handler },
];

const OPTIONAL_COLUMNS: Column[] = [
  { title: 'VERSION', value: (route) => (route.versions ?? []).join(', ') },
  { title: 'HOST', value: (route) => route.host ?? '' },
  { title: 'GUARDS', value: (route) => describeEnhancers(route.guards).join(', ') },
  { title: 'PIPES', value: (route) => describeEnhancers(route.pipes).join(', ') },
  { title: 'INTERCEPTORS', value: (route) => describeEnhancers(route.interceptors).join(', ') },
  { title: 'SCHEMAS', value: (route) => describeSchemas(route.schemas).join(', ') },
  { title: 'MODULE', value: (route) => route.module ?? '' },
];

/** The columns worth showing: the base ones, plus each optional one that some route fills. */
export function routeColumns(routes: readonly ListedRoute[]): string[] {
  return [...BASE_COLUMNS, ...OPTIONAL_COLUMNS.filter((column) => routes.some((route) => column.value(route) !== ''))].map((column) => column.title);
}

const METHOD_COLORS: Record<string, (text: string) => string> = {
  GET: colors.green,
  POST: colors.yellow,
  PUT: colors.blue,
  PATCH: colors.magenta,
  DELETE: colors.red,
};

export function formatRouteTable(routes: readonly ListedRoute[]): string {
  const titles = new Set(routeColumns(routes));
  const columns = [...BASE_COLUMNS, ...OPTIONAL_COLUMNS].filter((column) => titles.has(column.title));
  const rows = routes.map((route) => columns.map((column) => column.value(route)));
  const widths = columns.map((column, index) => Math.max(column.title.length, ...rows.map((row) => row[index]!.length)));
  const line = (cells: string[], paint: (cell: string, index: number) => string) =>
    cells
      .map((cell, index) => paint(index === cells.length - 1 ? cell : cell.padEnd(widths[index]!), index))
      .join('  ')
      .trimEnd();
  return [
    line(columns.map((column) => column.title), (cell) => colors.bold(cell)),
    ...rows.map((row, rowIndex) => line(row, (cell, index) => (index === 0 ? (METHOD_COLORS[routes[rowIndex]!.method] ?? colors.cyan)(cell) : cell))),
  ].join('\n');
}

/** The JSON form: plain data, with classes and functions replaced by their names. */
export function routesAsJson(routes: readonly ListedRoute[]): object[] {
  return routes.map((route) => {
    const entry: Record<string, unknown> = { method: route.method, path: route.path, handler: route.handler };
    if (route.module !== undefined) entry.module = route.module;
    if (route.host !== undefined) entry.host = route.host;
    if (route.versions !== undefined) entry.versions = route.versions;
    for (const key of ['guards', 'pipes', 'interceptors'] as const) {
      if (route[key] !== undefined) entry[key] = describeEnhancers(route[key]);
    }
    if (route.schemas !== undefined) entry.schemas = jsonSafe(route.schemas);
    return entry;
  });
}

function jsonSafe(value: unknown): unknown {
  try {
    return JSON.parse(JSON.stringify(value)) as unknown;
  } catch {
    return describeSchemas(value);
  }
}
