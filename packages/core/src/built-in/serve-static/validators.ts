import type { Stats } from 'node:fs';

/** A weak ETag from size and modification time: cheap (no hashing) and changes whenever the file does. */
export function weakEtag(stats: Stats): string {
  return `W/"${stats.size.toString(16)}-${Math.floor(stats.mtimeMs).toString(16)}"`;
}

/** `Last-Modified` is in whole seconds; comparisons use the same precision. */
export function modifiedSeconds(stats: Stats): number {
  return Math.floor(stats.mtimeMs / 1000);
}

/**
 * True when the client's copy is current (RFC 9110 §13.1.2/§13.1.3): `If-None-Match` (weak
 * comparison, `*` or a list) decides when present; otherwise `If-Modified-Since`.
 */
export function isNotModified(etag: string | undefined, modified: number | undefined, ifNoneMatch: string | undefined, ifModifiedSince: string | undefined): boolean {
  if (ifNoneMatch !== undefined) {
    if (etag === undefined) return false;
    const ours = opaque(etag);
    return ifNoneMatch.split(',').some((tag) => {
      const theirs = tag.trim();
      return theirs === '*' || opaque(theirs) === ours;
    });
  }
  if (ifModifiedSince === undefined || modified === undefined) return false;
  const since = Date.parse(ifModifiedSince);
  return !Number.isNaN(since) && modified <= Math.floor(since / 1000);
}

/**
 * `If-Range` lets a Range through only while the file is unchanged, judged by a strong validator.
 * Our ETag is weak, so an ETag there never matches (the whole file is sent); a date must equal
 * `Last-Modified`.
 */
export function rangeStillValid(ifRange: string | undefined, modified: number | undefined): boolean {
  if (ifRange === undefined) return true;
  const value = ifRange.trim();
  if (value.startsWith('"') || value.startsWith('W/')) return false;
  const date = Date.parse(value);
  return modified !== undefined && !Number.isNaN(date) && Math.floor(date / 1000) === modified;
}

function opaque(tag: string): string {
  return tag.startsWith('W/') ? tag.slice(2) : tag;
}
