/**
 * class-validator and class-transformer are optional peer dependencies: they are required only when
 * a ValidationPipe is built, and their absence is reported by name.
 */
type PipesModule = typeof import('../../../src/pipes');

function missingModule(name: string): Error {
  return Object.assign(new Error(`Cannot find module '${name}' from 'validation.pipe.ts'`), { code: 'MODULE_NOT_FOUND' });
}

/** Loads a fresh copy of the pipes with `absent` packages failing to load as if not installed. */
function loadPipesWithout(...absent: string[]): PipesModule {
  let pipes!: PipesModule;
  jest.isolateModules(() => {
    for (const name of absent) {
      jest.doMock(name, () => {
        throw missingModule(name);
      });
    }
    pipes = require('../../../src/pipes') as PipesModule;
  });
  return pipes;
}

describe('ValidationPipe peer dependencies', () => {
  afterEach(() => {
    jest.dontMock('class-validator');
    jest.dontMock('class-transformer');
  });

  it('are not loaded until a ValidationPipe is built', async () => {
    const pipes = loadPipesWithout('class-validator', 'class-transformer');
    await expect(new pipes.ParseIntPipe().transform('1', { type: 'param' })).resolves.toBe(1);
    await expect(new pipes.ParseArrayPipe({ items: Number }).transform('1,2', { type: 'query' })).resolves.toEqual([1, 2]);
  });

  it('name class-validator and the install command when it is missing', () => {
    const pipes = loadPipesWithout('class-validator');
    expect(() => new pipes.ValidationPipe()).toThrow(
      'ValidationPipe needs the "class-validator" and "class-transformer" packages, and "class-validator" is not installed. ' +
        'Install them with: npm install class-validator class-transformer',
    );
  });

  it('name class-transformer when it is the one missing', () => {
    const pipes = loadPipesWithout('class-transformer');
    expect(() => new pipes.ValidationPipe()).toThrow('and "class-transformer" is not installed');
  });

  it('are needed by ParseArrayPipe only for class items', () => {
    const pipes = loadPipesWithout('class-validator');
    class ItemDto {}
    expect(() => new pipes.ParseArrayPipe({ items: ItemDto })).toThrow('"class-validator" is not installed');
  });

  it('keep their own error when they fail to load for another reason', () => {
    let pipes!: PipesModule;
    jest.isolateModules(() => {
      jest.doMock('class-validator', () => {
        throw missingModule('validator');
      });
      pipes = require('../../../src/pipes') as PipesModule;
    });
    expect(() => new pipes.ValidationPipe()).toThrow("Cannot find module 'validator'");
  });

  it('need nothing when both implementations are given', () => {
    const pipes = loadPipesWithout('class-validator', 'class-transformer');
    expect(
      () =>
        new pipes.ValidationPipe({
          validatorPackage: { validate: () => [] },
          transformerPackage: { plainToInstance: (_cls: unknown, plain: unknown) => plain, classToPlain: (value: unknown) => value },
        }),
    ).not.toThrow();
  });
});
