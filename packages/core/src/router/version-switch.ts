import { VERSION_NEUTRAL } from '../decorators/controller.decorator';
import type { RouteHandle } from './route-handle';
import { errorResponseHandle } from './error-handles';
import type { versionReader } from './versioning';

export interface VersionedHandle {
  readonly versions: ReadonlyArray<string | typeof VERSION_NEUTRAL> | undefined;
  readonly handle: RouteHandle;
}

const notFound = errorResponseHandle(404, (request) => `Cannot ${request.method} ${request.url}`);

/**
 * For header/media-type/custom versioning: one handle per method + path that picks the route for
 * the version the request asks for (first match in the reader's order), else a version-neutral or
 * unversioned route, else 404. The version lookup is a Map hit.
 */
export function versionSwitch(entries: readonly VersionedHandle[], reader: NonNullable<ReturnType<typeof versionReader>>): RouteHandle {
  const byVersion = new Map<string, RouteHandle>();
  let fallback: RouteHandle | undefined;
  for (const entry of entries) {
    if (entry.versions === undefined) fallback ??= entry.handle;
    for (const version of entry.versions ?? []) {
      if (version === VERSION_NEUTRAL) fallback ??= entry.handle;
      else byVersion.set(version, entry.handle);
    }
  }
  const all = entries.map((e) => e.handle.needs);
  const allHeaders = all.some((n) => n.allHeaders);
  const headerNames = allHeaders ? [] : [...new Set([...all.flatMap((n) => n.headerNames), ...(reader.header ? [reader.header] : [])])];
  return {
    needs: { allHeaders: allHeaders || reader.header === undefined, headerNames, body: all.some((n) => n.body), ip: all.some((n) => n.ip) },
    run(request, exchange) {
      let chosen = fallback;
      for (const version of reader.read(request)) {
        const handle = byVersion.get(version);
        if (handle !== undefined) {
          chosen = handle;
          break;
        }
      }
      (chosen ?? notFound).run(request, exchange);
    },
  };
}
