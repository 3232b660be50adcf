import type { DynamicModule, ModuleImport } from '../di';
import type { DataEntry } from './shared-data';

/**
 * The module graph of a micro app: a root module of its own importing the decorator modules given
 * to `.module(M)`, plus a global module holding the app's `.data(...)` values as providers, so
 * that a mounted module's controllers can inject them (`constructor(private db: Db)`) while
 * micro handlers read them with `req.data(Db)`. Fresh classes per build: two apps never share one.
 */
export function microRootModule(modules: readonly ModuleImport[], data: readonly DataEntry[]): DynamicModule {
  class MicroAppModule {}
  const imports: ModuleImport[] = [...modules];
  if (data.length > 0) {
    class MicroDataModule {}
    // Later `.data()` calls for the same key win, as they do for `req.data()`.
    const byKey = new Map(data.map((entry) => [entry.key, entry.value]));
    const providers = [...byKey].map(([key, value]) => ({ provide: key, useValue: value }));
    imports.push({ module: MicroDataModule, global: true, providers, exports: [...byKey.keys()] } as DynamicModule);
  }
  return { module: MicroAppModule, imports };
}
