// Also type-checked by `tsc -p tsconfig.json`: each `@ts-expect-error` must meet a type error.
import { App, HttpResponse, MethodRouter, get, post, t, type MicroSchema } from '../../src';
import { compile, TableAdapter } from './support';

const microApp = () => App.new({ adapter: () => new TableAdapter(), logger: false });

const UserParams = t.Object({ id: t.Integer({ minimum: 1 }) });
const Paging = t.Object({ page: t.Integer({ default: 1 }), tags: t.Optional(t.Array(t.String())) });
const NewUser = t.Object({ name: t.String({ minLength: 1 }), email: t.String({ format: 'email' }), age: t.Optional(t.Integer()) });
const User = t.Object({ id: t.Integer(), name: t.String() });

describe('micro route schemas', () => {
  it('coerces params and query and types them for the handler', async () => {
    const { dispatch } = await compile(
      microApp().route(
        '/users/:id',
        get(
          (req) => {
            const id: number = req.param('id');
            const page: number = req.query('page');
            // @ts-expect-error the params schema has no `name`
            void req.param('name');
            // @ts-expect-error `id` is a number once validated
            const asString: string = req.param('id');
            void asString;
            return { id: id + 1, page, tags: req.query().tags ?? [] };
          },
          { schema: { params: UserParams, query: Paging } },
        ),
      ),
    );
    expect((await dispatch('GET', '/users/41?page=3&tags=a')).json()).toEqual({ id: 42, page: 3, tags: ['a'] });
    expect((await dispatch('GET', '/users/41')).json()).toEqual({ id: 42, page: 1, tags: [] });
  });

  it('answers invalid params, query or headers with 400 listing the fields, before the handler runs', async () => {
    let ran = 0;
    const { dispatch } = await compile(
      microApp().route(
        '/users/:id',
        get(() => {
          ran++;
          return 'ran';
        }, { schema: { params: UserParams, query: Paging, headers: t.Object({ 'X-Tenant': t.String({ minLength: 2 }) }) } }),
      ),
    );
    const badParam = await dispatch('GET', '/users/abc', { headers: { 'x-tenant': 'acme' } });
    expect(badParam.status).toBe(400);
    expect(badParam.json()).toEqual({ statusCode: 400, error: 'Bad Request', message: ['params.id must be an integer'] });
    const badQuery = await dispatch('GET', '/users/1?page=x', { headers: { 'x-tenant': 'acme' } });
    expect(badQuery.json()).toMatchObject({ message: ['query.page must be an integer'] });
    const badHeader = await dispatch('GET', '/users/1');
    expect(badHeader.status).toBe(400);
    expect(JSON.stringify(badHeader.json())).toContain('x-tenant');
    expect(ran).toBe(0);
    expect((await dispatch('GET', '/users/1', { headers: { 'x-tenant': 'acme' } })).body).toBe('ran');
  });

  it('validates the body before the handler and types req.json()', async () => {
    let ran = 0;
    const { dispatch } = await compile(
      microApp().route(
        '/users',
        post(
          async (req) => {
            ran++;
            const user = await req.json();
            const name: string = user.name;
            // @ts-expect-error the body schema has no `role`
            void user.role;
            return { id: 1, name };
          },
          { schema: { body: NewUser, response: User } },
        ),
      ),
    );
    const invalid = await dispatch('POST', '/users', { body: { name: '', email: 'nope' } });
    expect(invalid.status).toBe(400);
    expect(invalid.json()).toEqual({
      statusCode: 400,
      error: 'Bad Request',
      message: ['body.name must be at least 1 character long', 'body.email must be a valid email'],
    });
    expect(ran).toBe(0);
    const valid = await dispatch('POST', '/users', { body: { name: 'Ada', email: 'ada@example.com' } });
    expect([valid.status, valid.json()]).toEqual([201, { id: 1, name: 'Ada' }]);
  });

  it('serializes plain results with the response schema and refuses results it does not describe', async () => {
    const { dispatch } = await compile(
      microApp()
        .route('/shaped', get(() => ({ id: 1, name: 'Ada', password: 'x' }) as { id: number; name: string }, { schema: { response: User } }))
        .route('/wrong', get(() => ({ id: 'one' }) as unknown as { id: number; name: string }, { schema: { response: { 200: User } } }))
        .route('/raw', get(() => HttpResponse.json({ anything: true }, 404), { schema: { response: User } })),
    );
    expect((await dispatch('GET', '/shaped')).json()).toEqual({ id: 1, name: 'Ada' });
    const wrong = await dispatch('GET', '/wrong');
    expect(wrong.status).toBe(500);
    expect(wrong.json()).toEqual({ statusCode: 500, message: 'Internal server error' });
    expect((await dispatch('GET', '/raw')).json()).toEqual({ anything: true });
  });

  // The type assertions are checked by `tsc -p tsconfig.json` (npm test); at run time both still build routers.
  it('types the handler result by the response schema', () => {
    // @ts-expect-error `name` must be a string
    const mistyped = get(() => ({ id: 1, name: 2 }), { schema: { response: User } });
    // An HttpResponse is always allowed.
    const raw = get(() => HttpResponse.noContent(), { schema: { response: User } });
    expect(mistyped).toBeInstanceOf(MethodRouter);
    expect(raw).toBeInstanceOf(MethodRouter);
  });

  it('fails at build time, naming the route, for a schema that cannot compile or an unknown part', async () => {
    await expect(compile(microApp().route('/x', get(() => 1, { schema: { query: { type: 'object', properties: { a: { type: 'nonsense' } } } } })))).rejects.toThrow(
      /GET \/x/,
    );
    await expect(compile(microApp().route('/y', get(() => 1, { schema: { bodyy: t.String() } as MicroSchema })))).rejects.toThrow(/unknown part 'bodyy'/);
  });
});
