import { formatRouteTable, routeColumns, routesAsJson, type ListedRoute } from '@armature/cli';

// CI=true turns colours on in picocolors: compare the text without its escape codes.
const plainText = (text: string) => text.replace(/\u001b\[[0-9;]*m/g, '');

class AuthGuard {}
class LoggingInterceptor {}

const plain: ListedRoute[] = [
  { method: 'GET', path: '/cats', handler: 'CatsController#findAll', module: 'CatsModule' },
  { method: 'POST', path: '/cats', handler: 'CatsController#create', module: 'CatsModule' },
];

describe('route table', () => {
  it('shows only the columns the routes fill', () => {
    expect(routeColumns(plain)).toEqual(['METHOD', 'PATH', 'HANDLER', 'MODULE']);
    const table = plainText(formatRouteTable(plain)).split('\n');
    expect(table[0]).toMatch(/^METHOD\s+PATH\s+HANDLER\s+MODULE$/);
    expect(table[1]).toMatch(/^GET\s+\/cats\s+CatsController#findAll\s+CatsModule$/);
  });

  it('adds guard, pipe, interceptor and schema columns when the routes carry them', () => {
    const enhanced: ListedRoute[] = [
      { ...plain[0]!, guards: [AuthGuard], interceptors: [new LoggingInterceptor()], pipes: ['ValidationPipe'] },
      { ...plain[1]!, schemas: { body: { type: 'object' }, response: { 201: { type: 'object' }, 400: { type: 'object' } } }, versions: ['1'] },
    ];
    expect(routeColumns(enhanced)).toEqual(['METHOD', 'PATH', 'HANDLER', 'VERSION', 'GUARDS', 'PIPES', 'INTERCEPTORS', 'SCHEMAS', 'MODULE']);
    const table = plainText(formatRouteTable(enhanced));
    expect(table).toContain('AuthGuard');
    expect(table).toContain('LoggingInterceptor');
    expect(table).toContain('body, response 201/400');
  });

  it('names schema parts in both the declared and the stored shape', () => {
    const routes: ListedRoute[] = [
      { ...plain[0]!, schemas: { query: {}, responses: {}, successResponse: {} } },
      { ...plain[1]!, schemas: { body: {}, responses: { 400: {} } } },
    ];
    const table = plainText(formatRouteTable(routes));
    expect(table).toContain('query, response');
    expect(table).toContain('body, response 400');
  });

  it('gives JSON with names instead of classes, and only the fields present', () => {
    const json = routesAsJson([{ ...plain[0]!, guards: [AuthGuard] }, plain[1]!]);
    expect(json).toEqual([
      { method: 'GET', path: '/cats', handler: 'CatsController#findAll', module: 'CatsModule', guards: ['AuthGuard'] },
      { method: 'POST', path: '/cats', handler: 'CatsController#create', module: 'CatsModule' },
    ]);
  });
});
