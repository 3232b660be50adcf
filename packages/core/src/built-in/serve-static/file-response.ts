import type { Stats } from 'node:fs';
import type { FileHandle } from 'node:fs/promises';
import path from 'node:path';
import type { contentType as ContentTypeOf } from 'mime-types';
import { errorJson } from '../../http/error-json';
import type { HttpRequest } from '../../wrap/http-request';
import { HttpResponse } from '../../wrap/http-response';
import { parseRange } from './byte-range';
import { isNotModified, modifiedSeconds, rangeStillValid, weakEtag } from './validators';

/** Files (or ranges) up to this size are read in one go; larger ones are streamed. */
const READ_WHOLE_LIMIT = 64 * 1024;
const STREAM_CHUNK = 64 * 1024;

export interface FileResponseSettings {
  readonly cacheControl: string;
  readonly etag: boolean;
  readonly lastModified: boolean;
}

/**
 * The answer for a located file: 304 when the client's copy is current, 416 for a range past the
 * end, 206 for one range, else 200. HEAD gets the headers only (with the length). Small bodies are
 * read whole; large ones stream from the open handle with their Content-Length (the adapter
 * pauses the read while the client is slow). The handle is closed on every path.
 */
export async function fileResponse(req: HttpRequest, filePath: string, handle: FileHandle, stats: Stats, settings: FileResponseSettings): Promise<HttpResponse> {
  let handedOver = false;
  try {
    const modified = modifiedSeconds(stats);
    const etag = settings.etag ? weakEtag(stats) : undefined;
    const validators: string[] = [];
    if (etag !== undefined) validators.push('etag', etag);
    if (settings.lastModified) validators.push('last-modified', new Date(modified * 1000).toUTCString());
    validators.push('cache-control', settings.cacheControl);

    if (isNotModified(etag, settings.lastModified ? modified : undefined, req.header('if-none-match'), req.header('if-modified-since'))) {
      return new HttpResponse(304, validators);
    }
    const size = stats.size;
    const range = rangeStillValid(req.header('if-range'), settings.lastModified ? modified : undefined) ? parseRange(req.header('range'), size) : { kind: 'whole' as const };
    if (range.kind === 'unsatisfiable') {
      return new HttpResponse(416, ['content-range', `bytes */${size}`, 'content-type', 'application/json; charset=utf-8'], errorJson(416, 'Range Not Satisfiable'));
    }
    const start = range.kind === 'partial' ? range.start : 0;
    const end = range.kind === 'partial' ? range.end : size - 1;
    const length = end - start + 1;
    // Required here, not at import: mime-types parses its whole database (~10 ms of boot) when loaded.
    const contentType = (require('mime-types') as { contentType: typeof ContentTypeOf }).contentType;
    const headers = ['content-type', contentType(path.extname(filePath)) || 'application/octet-stream', 'accept-ranges', 'bytes', ...validators];
    if (range.kind === 'partial') headers.push('content-range', `bytes ${start}-${end}/${size}`);
    const status = range.kind === 'partial' ? 206 : 200;

    if (req.method === 'HEAD') return new HttpResponse(status, [...headers, 'content-length', String(length)]);
    if (length <= READ_WHOLE_LIMIT) return new HttpResponse(status, headers, await readExactly(handle, start, length));
    handedOver = true; // the stream closes the handle when it ends, fails or is destroyed
    const stream = handle.createReadStream({ start, end, highWaterMark: STREAM_CHUNK });
    return new HttpResponse(status, [...headers, 'content-length', String(length)], stream);
  } finally {
    if (!handedOver) await handle.close();
  }
}

async function readExactly(handle: FileHandle, position: number, length: number): Promise<Buffer> {
  const buffer = Buffer.allocUnsafe(length);
  let filled = 0;
  while (filled < length) {
    const { bytesRead } = await handle.read(buffer, filled, length - filled, position + filled);
    if (bytesRead === 0) break; // the file shrank since fstat
    filled += bytesRead;
  }
  return filled === length ? buffer : buffer.subarray(0, filled);
}
