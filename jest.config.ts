import type { Config } from 'jest';

// @swc/jest keeps legacy decorators + emitDecoratorMetadata (parameter decorators need both) and
// runs about 3x faster than ts-jest; type-checking is `npm run build` (tsc -b), which `npm test` runs first.
const swc = [
  '@swc/jest',
  {
    jsc: {
      parser: { syntax: 'typescript', decorators: true },
      transform: { legacyDecorator: true, decoratorMetadata: true, useDefineForClassFields: false },
      target: 'es2022',
      keepClassNames: true,
    },
    module: { type: 'commonjs' },
  },
];

const config: Config = {
  testEnvironment: 'node',
  transform: { '^.+\\.(t|j)sx?$': swc as never },
  // Tests run against the sources; the ESM/CJS packaging test loads the built dist on purpose.
  moduleNameMapper: {
    '^@armature/(core|platform-uws|platform-node|testing|cli|websocket)$': '<rootDir>/packages/$1/src',
  },
  testMatch: ['<rootDir>/packages/*/test/**/*.test.ts', '<rootDir>/examples/*/test/**/*.test.ts', '<rootDir>/test/**/*.test.ts'],
  testTimeout: 20000,
};

export default config;
