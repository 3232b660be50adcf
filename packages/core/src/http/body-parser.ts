import { parse as parseQueryString } from 'fast-querystring';
import { BadRequestException, UnsupportedMediaTypeException } from '../exceptions';

/**
 * Turns raw body bytes into what `@Body()` receives, by Content-Type: JSON (and `+json`) → value,
 * `application/x-www-form-urlencoded` → object, `text/*` → string, `application/octet-stream` →
 * Buffer. Anything else is refused with 415, as is a non-empty body with no Content-Type.
 */
export function parseBody(contentType: string | undefined, raw: Buffer): unknown {
  if (contentType === undefined || contentType === '') {
    if (raw.length === 0) return {};
    throw new UnsupportedMediaTypeException('Missing Content-Type header for a request with a body');
  }
  const mediaType = mediaTypeOf(contentType);
  if (mediaType === 'application/json' || mediaType.endsWith('+json')) return parseJson(raw);
  if (mediaType === 'application/x-www-form-urlencoded') return parseQueryString(raw.toString('utf8'));
  if (mediaType.startsWith('text/')) return raw.toString('utf8');
  if (mediaType === 'application/octet-stream') return raw;
  throw new UnsupportedMediaTypeException(`Unsupported Content-Type: ${mediaType}`);
}

function mediaTypeOf(contentType: string): string {
  const semicolon = contentType.indexOf(';');
  return (semicolon === -1 ? contentType : contentType.slice(0, semicolon)).trim().toLowerCase();
}

const POLLUTING_KEY = /"(?:__proto__|constructor)"\s*:/;

/** JSON.parse with NestJS's errors (400 for malformed or too deep) and prototype-pollution keys refused. */
export function parseJson(raw: Buffer): unknown {
  if (raw.length === 0) return {};
  const text = raw.toString('utf8');
  try {
    // Only bodies that mention a polluting key pay for the reviver.
    return POLLUTING_KEY.test(text) ? JSON.parse(text, rejectPollutingKeys) : JSON.parse(text);
  } catch (error) {
    if (error instanceof BadRequestException) throw error;
    if (error instanceof RangeError) throw new BadRequestException('JSON body is nested too deeply');
    throw new BadRequestException(`Malformed JSON body: ${(error as Error).message}`);
  }
}

function rejectPollutingKeys(this: unknown, key: string, value: unknown): unknown {
  if (key === '__proto__' || (key === 'constructor' && typeof value === 'object' && value !== null && 'prototype' in value)) {
    throw new BadRequestException(`JSON body contains a forbidden "${key}" key`);
  }
  return value;
}
