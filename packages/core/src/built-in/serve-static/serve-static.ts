import { realpathSync, statSync } from 'node:fs';
import path from 'node:path';
import { errorJson } from '../../http/error-json';
import type { HttpRequest } from '../../wrap/http-request';
import { HttpResponse } from '../../wrap/http-response';
import { defineMiddleware, type HttpMiddleware, type HttpNext } from '../../wrap/middleware';
import { fileResponse, type FileResponseSettings } from './file-response';
import { locateFile } from './locate-file';
import { parseRequestPath } from './request-path';
import type { ServeStaticOptions } from './serve-static-options';

const NEEDS = { headers: ['if-none-match', 'if-modified-since', 'range', 'if-range'] };

/**
 * Serves the files under `root`: a GET or HEAD whose path names a file there is answered with it;
 * anything else (other methods, paths outside `prefix`, missing files, refused paths) goes on to
 * `next()`, so routes and the usual 404 still answer. No path can leave the root: see
 * `parseRequestPath` for what is refused before the file system is asked, and `locateFile` for
 * the symlink check. The root is resolved once, now, and must be a directory.
 */
export function serveStatic(root: string, options: ServeStaticOptions = {}): HttpMiddleware {
  const rootReal = resolveRoot(root);
  const prefix = normalizePrefix(options.prefix);
  const indexNames = options.index === false ? [] : typeof options.index === 'string' ? [options.index] : [...(options.index ?? ['index.html'])];
  const dotfiles = options.dotfiles ?? 'ignore';
  const redirect = options.redirect ?? true;
  const maxAge = options.maxAge ?? 0;
  if (!Number.isInteger(maxAge) || maxAge < 0) throw new Error(`serveStatic: maxAge must be a whole number of seconds, got ${maxAge}`);
  const settings: FileResponseSettings = {
    cacheControl: `public, max-age=${maxAge}${options.immutable ? ', immutable' : ''}`,
    etag: options.etag ?? true,
    lastModified: options.lastModified ?? true,
  };

  const serve = async (req: HttpRequest, next: HttpNext): Promise<HttpResponse> => {
    if (req.method !== 'GET' && req.method !== 'HEAD') return next();
    const below = belowPrefix(req.path, prefix);
    if (below === undefined) return next();
    // The mount point itself (`/assets`) is its root directory without the trailing slash.
    const requested = parseRequestPath(below === '' ? '/' : below);
    if (requested.kind === 'refused') return next();
    if (requested.dotfile && dotfiles !== 'allow') {
      return dotfiles === 'deny' ? new HttpResponse(403, ['content-type', 'application/json; charset=utf-8'], errorJson(403, 'Forbidden')) : next();
    }
    const trailingSlash = below === '' ? false : requested.trailingSlash;
    const found = await locateFile(rootReal, requested.segments, trailingSlash, indexNames);
    if (found.kind === 'missing') return next();
    if (found.kind === 'directory') return redirect ? redirectToDirectory(req) : next();
    return fileResponse(req, found.path, found.handle, found.stats, settings);
  };
  return defineMiddleware(serve, NEEDS);
}

function resolveRoot(root: string): string {
  let real: string;
  try {
    real = realpathSync(path.resolve(root));
  } catch {
    throw new Error(`serveStatic: the root directory ${root} does not exist`);
  }
  if (!statSync(real).isDirectory()) throw new Error(`serveStatic: the root ${root} is not a directory`);
  return real;
}

/** `'assets/'` → `'/assets'`; `'/'` or nothing → no prefix. */
function normalizePrefix(prefix: string | undefined): string | undefined {
  const trimmed = prefix?.replace(/^\/+|\/+$/g, '');
  return trimmed ? `/${trimmed.toLowerCase()}` : undefined;
}

/** The path below the prefix (`''` for the mount point itself), or undefined when it is not under it. Case-insensitive, like routing. */
function belowPrefix(requestPath: string, prefix: string | undefined): string | undefined {
  if (prefix === undefined) return requestPath;
  if (requestPath.length < prefix.length || requestPath.slice(0, prefix.length).toLowerCase() !== prefix) return undefined;
  const rest = requestPath.slice(prefix.length);
  return rest === '' || rest.startsWith('/') ? rest : undefined;
}

/** `/docs` → 301 `/docs/` (query kept), as file servers do, so relative links in the index resolve. */
function redirectToDirectory(req: HttpRequest): HttpResponse {
  const query = req.raw.rawQuery;
  return new HttpResponse(301, ['location', `${req.path}/${query === '' ? '' : `?${query}`}`]);
}
