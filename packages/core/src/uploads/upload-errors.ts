import { BadRequestException, PayloadTooLargeException } from '../exceptions';
import type { HttpException } from '../exceptions/http-exception';

/**
 * Multer's error messages, so clients and tests written against NestJS see the same text.
 * Unlike NestJS (which answers 400 for the count limits), every limit answers 413: the request
 * is refused for its size, and the connection is closed without reading the rest.
 */
export const UploadLimitMessages = {
  fileSize: 'File too large',
  files: 'Too many files',
  fields: 'Too many fields',
  fieldSize: 'Field value too long',
  fieldNameSize: 'Field name too long',
  parts: 'Too many parts',
} as const;

export type UploadLimit = keyof typeof UploadLimitMessages;

export function limitCrossed(limit: UploadLimit): HttpException {
  return new PayloadTooLargeException(UploadLimitMessages[limit]);
}

export function totalSizeCrossed(limit: number): HttpException {
  return new PayloadTooLargeException(`Request body is larger than the limit of ${limit} bytes`);
}

/** A file in a field the route does not take, or more files than its `maxCount` (multer's LIMIT_UNEXPECTED_FILE). */
export function unexpectedField(): HttpException {
  return new BadRequestException('Unexpected field');
}

export function missingFieldName(): HttpException {
  return new BadRequestException('Field name missing');
}

/** busboy's parse errors ('Unexpected end of form', 'Multipart: Boundary not found', ...) are the client's fault. */
export function malformedMultipart(error: Error): HttpException {
  return new BadRequestException(error.message);
}
