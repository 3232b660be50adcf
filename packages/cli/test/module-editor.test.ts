import { CliError, registerInModule, type ModuleRegistration } from '@armature/cli';

const service: ModuleRegistration = { className: 'CatsService', importPath: './cats/cats.service', slot: 'providers' };

function thrownBy(action: () => unknown): unknown {
  try {
    action();
  } catch (error) {
    return error;
  }
  return undefined;
}

function edit(source: string, registration: ModuleRegistration = service): string {
  return registerInModule(source, 'src/app.module.ts', registration).text;
}

describe('registerInModule', () => {
  it('adds to a multi-line array on a line of its own, keeping the trailing comma style', () => {
    const source = `import { Module } from '@armature/core';
import { AppService } from './app.service';

@Module({
  providers: [
    AppService, // the greeting
  ],
})
export class AppModule {}
`;
    expect(edit(source)).toBe(`import { Module } from '@armature/core';
import { AppService } from './app.service';
import { CatsService } from './cats/cats.service';

@Module({
  providers: [
    AppService, // the greeting
    CatsService,
  ],
})
export class AppModule {}
`);
  });

  it('adds to a one-line array and a one-line object in place', () => {
    const source = `import { Module } from '@armature/core';\n\n@Module({ imports: [], providers: [AppService] })\nexport class AppModule {}\n`;
    expect(edit(source)).toContain('@Module({ imports: [], providers: [AppService, CatsService] })');
    expect(edit(source, { className: 'CatsModule', importPath: './cats/cats.module', slot: 'imports' })).toContain('@Module({ imports: [CatsModule], providers: [AppService] })');
  });

  it('creates the missing property in the style of the others', () => {
    const multiline = `import { Module } from '@armature/core';\n\n@Module({\n  imports: [],\n})\nexport class AppModule {}\n`;
    expect(edit(multiline)).toContain('@Module({\n  imports: [],\n  providers: [CatsService],\n})');
    expect(edit(`import { Module } from '@armature/core';\n\n@Module({})\nexport class AppModule {}\n`)).toContain('@Module({ providers: [CatsService] })');
    expect(edit(`import { Module } from '@armature/core';\n\n@Module()\nexport class AppModule {}\n`)).toContain('@Module({ providers: [CatsService] })');
  });

  it('follows the file: double quotes, no semicolons, CRLF line ends', () => {
    const source = `import { Module } from "@armature/core"\r\n\r\n@Module({\r\n  providers: [\r\n    A\r\n  ]\r\n})\r\nexport class AppModule {}\r\n`;
    expect(edit(source)).toBe(
      `import { Module } from "@armature/core"\r\nimport { CatsService } from "./cats/cats.service"\r\n\r\n@Module({\r\n  providers: [\r\n    A,\r\n    CatsService\r\n  ]\r\n})\r\nexport class AppModule {}\r\n`,
    );
  });

  it('joins an existing import of the same file', () => {
    const source = `import { Module } from '@armature/core';\nimport { CatsController } from './cats/cats.service';\n\n@Module({ providers: [] })\nexport class AppModule {}\n`;
    expect(edit(source)).toContain(`import { CatsController, CatsService } from './cats/cats.service';`);
  });

  it('changes nothing when the class is already registered', () => {
    const source = `import { Module } from '@armature/core';\nimport { CatsService } from './cats/cats.service';\n\n@Module({ providers: [CatsService] })\nexport class AppModule {}\n`;
    expect(registerInModule(source, 'app.module.ts', service)).toEqual({ text: source, changed: false, moduleClass: 'AppModule' });
  });

  it('refuses a name that the module already imports from elsewhere', () => {
    const source = `import { Module } from '@armature/core';\nimport { CatsService } from './legacy/cats.service';\n\n@Module({ providers: [] })\nexport class AppModule {}\n`;
    expect(() => edit(source)).toThrow(/already imports a CatsService from '.\/legacy\/cats.service'/);
  });

  it('explains what it cannot edit', () => {
    expect(() => edit(`@Module({ providers: [ })\nexport class AppModule {`)).toThrow(/Cannot parse src\/app.module.ts: .*line 1/);
    expect(() => edit(`export class AppModule {}\n`)).toThrow(/has no class decorated with @Module/);
    expect(() => edit(`@Module(options)\nexport class AppModule {}\n`)).toThrow(/not an object literal/);
    expect(() => edit(`@Module({ providers: PROVIDERS })\nexport class AppModule {}\n`)).toThrow(/`providers` in the @Module\(\) of AppModule is not an array literal/);
    const error = thrownBy(() => edit(`export class AppModule {}\n`));
    expect(error).toBeInstanceOf(CliError);
    expect((error as CliError).hint).toMatch(/--skip-import/);
  });

  it('puts the import first in a file without imports', () => {
    expect(edit(`@Module({})\nexport class AppModule {}\n`)).toBe(`import { CatsService } from './cats/cats.service';\n\n@Module({ providers: [CatsService] })\nexport class AppModule {}\n`);
  });
});
