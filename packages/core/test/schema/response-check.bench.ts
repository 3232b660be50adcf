// Cost of checking responses against their schema (on unless NODE_ENV=production).
// Run: cd /work/main && npx ts-node --transpile-only packages/core/test/schema/response-check.bench.ts
import 'reflect-metadata';
import { t } from '../../src/schema';
import { compiled } from './route-fixture';

const Small = t.Object({ hello: t.String() });
const Flat = t.Object({ id: t.Integer(), name: t.String(), age: t.Integer(), email: t.String({ format: 'email' }), active: t.Boolean(), score: t.Number() });
const Item = t.Object({ id: t.Integer(), name: t.String(), owner: t.Object({ id: t.Integer(), name: t.String() }), tags: t.Array(t.String()) });
const List = t.Array(Item);
const Dated = t.Object({ id: t.Integer(), createdAt: t.String({ format: 'date-time' }) });

const cases: Array<{ name: string; schema: typeof Small | typeof Flat | typeof List | typeof Dated; value: unknown }> = [
  { name: '1 field', schema: Small, value: { hello: 'world' } },
  { name: '6 fields', schema: Flat, value: { id: 1, name: 'Tom', age: 3, email: 'tom@cats.example', active: true, score: 9.5 } },
  {
    name: '20 nested items',
    schema: List,
    value: Array.from({ length: 20 }, (_, i) => ({ id: i, name: `cat ${i}`, owner: { id: i, name: `owner ${i}` }, tags: ['a', 'b'] })),
  },
  { name: 'Date field (JSON round trip)', schema: Dated, value: { id: 1, createdAt: new Date() } },
];

/**
 * Nanoseconds per call of each function: rounds alternate between the functions (so that load on
 * the machine and JIT tiering hit all of them alike) and the median round is kept.
 */
function nsPerCall(fns: ReadonlyArray<() => unknown>, calls: number, rounds = 21): number[] {
  for (const fn of fns) for (let i = 0; i < calls; i++) fn();
  const samples = fns.map((): number[] => []);
  for (let round = 0; round < rounds; round++) {
    fns.forEach((fn, index) => {
      const start = process.hrtime.bigint();
      for (let i = 0; i < calls; i++) fn();
      samples[index].push(Number(process.hrtime.bigint() - start) / calls);
    });
  }
  return samples.map((list) => list.sort((a, b) => a - b)[Math.floor(rounds / 2)]);
}

const rows = cases.map(({ name, schema, value }) => {
  const unchecked = compiled({ response: { 200: schema } }, { checkResponses: false }).serializerFor(200)!;
  const checked = compiled({ response: { 200: schema } }, { checkResponses: true }).serializerFor(200)!;
  const calls = Array.isArray(value) ? 5_000 : 50_000;
  const [json, fast, safe] = nsPerCall([() => JSON.stringify(value), () => unchecked(value), () => checked(value)], calls);
  return {
    payload: name,
    'JSON.stringify ns': Math.round(json),
    'fjs ns': Math.round(fast),
    'fjs + check ns': Math.round(safe),
    'check adds ns': Math.round(safe - fast),
    'check adds %': `${Math.round(((safe - fast) / fast) * 100)}%`,
  };
});
console.table(rows);
