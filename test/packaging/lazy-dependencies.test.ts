import { execFile } from 'node:child_process';
import path from 'node:path';
import { promisify } from 'node:util';

const run = promisify(execFile);
const repoRoot = path.join(__dirname, '../..');

// Boot time and memory: an application pays to load a dependency only when it uses the feature
// that needs it (docs/performance.md, "Boot"). These load the *built* packages in a fresh node
// process, as an application does, and list which of the heavy dependencies got loaded.
const HEAVY = ['rxjs', '@sinclair/typebox', 'ajv', 'fast-json-stringify', 'busboy', 'class-validator'];

async function loadedAfter(script: string): Promise<string[]> {
  const program = `
    ${script}
    const loaded = new Set();
    for (const file of Object.keys(require.cache)) {
      for (const name of ${JSON.stringify(HEAVY)}) if (file.includes('/node_modules/' + name + '/')) loaded.add(name);
    }
    console.log(JSON.stringify([...loaded].sort()));
  `;
  const { stdout } = await run(process.execPath, ['-e', program], { cwd: repoRoot });
  return JSON.parse(stdout.trim());
}

describe('lazy dependencies', () => {
  it('requiring @armature/core and the uWS adapter loads none of them', async () => {
    expect(await loadedAfter("require('@armature/core'); require('@armature/platform-uws');")).toEqual([]);
  });

  it('an app whose routes use no schema, interceptor or upload boots without them', async () => {
    const script = `
      const core = require('@armature/core');
      class C { hello() { return { ok: true }; } }
      Reflect.decorate([core.Get('hello')], C.prototype, 'hello', Object.getOwnPropertyDescriptor(C.prototype, 'hello'));
      Reflect.decorate([core.Controller()], C);
      class M {}
      Reflect.decorate([core.Module({ controllers: [C] })], M);
      const adapter = { name: 'none', init() {}, listen: async () => {}, address: () => null, close: async () => {}, getHttpServer() {}, getInstance() {} };
      await core.ArmatureFactory.create(M, adapter, { logger: false }).then((app) => app.init());
    `;
    const { stdout } = await run(
      process.execPath,
      [
        '-e',
        `(async () => { ${script}
          const loaded = new Set();
          for (const file of Object.keys(require.cache)) for (const name of ${JSON.stringify(HEAVY)}) if (file.includes('/node_modules/' + name + '/')) loaded.add(name);
          console.log(JSON.stringify([...loaded]));
        })().catch((e) => { console.error(e); process.exit(1); });`,
      ],
      { cwd: repoRoot },
    );
    expect(JSON.parse(stdout.trim())).toEqual([]);
  });

  it('the first use of t loads TypeBox, and its schemas are the real ones', async () => {
    const script = `
      const { t } = require('@armature/core');
      const before = Object.keys(require.cache).some((f) => f.includes('/@sinclair/typebox/'));
      const schema = t.Object({ id: t.Integer() });
      if (before || schema.type !== 'object' || schema.properties.id.type !== 'integer') throw new Error('t is not TypeBox');
      if (!('Object' in t) || !Object.keys(t).includes('String')) throw new Error('t does not look like TypeBox');
      if (schema[Symbol.for('TypeBox.Kind')] !== 'Object') throw new Error('no Kind symbol');
    `;
    expect(await loadedAfter(script)).toEqual(['@sinclair/typebox']);
  });
});
