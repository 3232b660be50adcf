import { VERSION_NEUTRAL, type VersionValue } from '../decorators/controller.decorator';
import type { ArmatureRequest } from '../http/request';

export enum VersioningType {
  URI = 0,
  HEADER = 1,
  MEDIA_TYPE = 2,
  CUSTOM = 3,
}

interface CommonVersioningOptions {
  /** Version of routes that declare none. */
  defaultVersion?: VersionValue;
}

/** `/v1/cats`: the version is a path segment after the global prefix. */
export interface UriVersioningOptions extends CommonVersioningOptions {
  type: VersioningType.URI;
  /** Segment prefix (default `'v'`); `false` for none. */
  prefix?: string | false;
}

/** `Custom-Header: 1`. */
export interface HeaderVersioningOptions extends CommonVersioningOptions {
  type: VersioningType.HEADER;
  header: string;
}

/** `Accept: application/json;v=2`. */
export interface MediaTypeVersioningOptions extends CommonVersioningOptions {
  type: VersioningType.MEDIA_TYPE;
  /** The parameter name with its separator, e.g. `'v='`. */
  key: string;
}

/** Any rule: the extractor returns the version(s) asked for, best first. */
export interface CustomVersioningOptions extends CommonVersioningOptions {
  type: VersioningType.CUSTOM;
  extractor: (request: ArmatureRequest) => string | string[] | undefined;
}

export type VersioningOptions = UriVersioningOptions | HeaderVersioningOptions | MediaTypeVersioningOptions | CustomVersioningOptions;

/** The versions a route is served under (its own, else its controller's, else the default). */
export function effectiveVersions(version: VersionValue | undefined, options: VersioningOptions | undefined): Array<string | typeof VERSION_NEUTRAL> | undefined {
  if (options === undefined) return undefined;
  const effective = version ?? options.defaultVersion;
  return effective === undefined ? undefined : ([] as Array<string | typeof VERSION_NEUTRAL>).concat(effective);
}

/** URI versioning: the path segments a route is served under ('' = no segment). */
export function versionSegments(versions: Array<string | typeof VERSION_NEUTRAL> | undefined, options: VersioningOptions | undefined): string[] {
  if (options?.type !== VersioningType.URI || versions === undefined) return [''];
  const prefix = options.prefix === false ? '' : (options.prefix ?? 'v');
  return versions.map((v) => (v === VERSION_NEUTRAL ? '' : `${prefix}${v}`));
}

/** For request-based versioning: the header the version is read from, and how. */
export function versionReader(options: VersioningOptions): { header?: string; read: (request: ArmatureRequest) => string[] } | undefined {
  switch (options.type) {
    case VersioningType.URI:
      return undefined;
    case VersioningType.HEADER: {
      const header = options.header.toLowerCase();
      return { header, read: (request) => asList(request.headers[header]) };
    }
    case VersioningType.MEDIA_TYPE: {
      const key = options.key;
      return {
        header: 'accept',
        read: (request) => {
          const accept = asList(request.headers.accept).join(',');
          const found: string[] = [];
          for (const part of accept.split(/[,;]/)) {
            const trimmed = part.trim();
            if (trimmed.startsWith(key)) found.push(trimmed.slice(key.length));
          }
          return found;
        },
      };
    }
    case VersioningType.CUSTOM:
      return { read: (request) => asList(options.extractor(request)) };
  }
}

function asList(value: string | string[] | undefined): string[] {
  if (value === undefined || value === '') return [];
  return Array.isArray(value) ? value : [value];
}
