export interface ServeStaticOptions {
  /** A mount path stripped from the request path (`'/assets'`: `/assets/app.js` serves `<root>/app.js`); other paths pass by. */
  readonly prefix?: string;
  /** File(s) served for a directory (`/docs/` → `docs/index.html`); `false` for none. Default `'index.html'`. */
  readonly index?: string | readonly string[] | false;
  /** Paths with a segment starting with `.`: `'ignore'` (default: as if absent), `'deny'` (403) or `'allow'`. */
  readonly dotfiles?: 'ignore' | 'deny' | 'allow';
  /** `Cache-Control: public, max-age=<seconds>` (default 0: revalidate each time, with ETag/Last-Modified). */
  readonly maxAge?: number;
  /** Adds `immutable` to Cache-Control (for fingerprinted file names). */
  readonly immutable?: boolean;
  /** Send a weak ETag (size + mtime) and answer `If-None-Match` (default true). */
  readonly etag?: boolean;
  /** Send `Last-Modified` and answer `If-Modified-Since` (default true). */
  readonly lastModified?: boolean;
  /** Redirect `/dir` to `/dir/` when it has an index file (default true; otherwise it passes by). */
  readonly redirect?: boolean;
}
