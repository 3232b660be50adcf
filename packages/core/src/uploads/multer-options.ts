import type { StorageEngine } from './storage/storage-engine';

/** Multer's limits, with the same names. Each one crossed answers 413 (see docs/uploads.md). */
export interface MulterLimits {
  /** Largest file, in bytes (a file of exactly this size is accepted). Default: no limit. */
  fileSize?: number;
  /** Most files in one request. Default: no limit. */
  files?: number;
  /** Most non-file fields. Default: no limit. */
  fields?: number;
  /** Largest field value, in bytes. Default: 1 MiB (busboy's). */
  fieldSize?: number;
  /** Longest field name, in bytes. Default: 100 (busboy's). */
  fieldNameSize?: number;
  /** Most parts (files + fields). Default: no limit. */
  parts?: number;
  /**
   * Multer's name, accepted so NestJS code compiles, but without effect: busboy 1.x caps every
   * part's header at 2000 lines and 16 KiB itself (past that: 400 `Malformed part header`).
   * @deprecated has no effect
   */
  headerPairs?: number;
  /**
   * Armature's own: the largest whole request body, in bytes. Also raises or lowers the limit the
   * pipeline opens the body with (the interceptor class exposes it as `bodyLimit`). Default: the
   * application's `bodyLimit`.
   */
  totalSize?: number;
}

/** What a file filter is told about a file before its bytes are read. */
export interface IncomingFileInfo {
  fieldname: string;
  originalname: string;
  encoding: string;
  mimetype: string;
}

/** `callback(null, true)` keeps the file, `callback(null, false)` skips it, `callback(error)` fails the request. */
export type FileFilterCallback = (error: Error | null, acceptFile?: boolean) => void;

/** Multer's options, as NestJS's file interceptors take them. */
export interface MulterOptions {
  /** Where files go: `memoryStorage()` (the default) or `diskStorage(...)`, or any multer storage engine. */
  storage?: StorageEngine;
  /** Shorthand for `storage: diskStorage({ destination: dest })`. */
  dest?: string;
  limits?: MulterLimits;
  /** Keep the full path the client sent as the file name (default: only its last segment). */
  preservePath?: boolean;
  fileFilter?(request: any, file: IncomingFileInfo, callback: FileFilterCallback): void;
}

/** One entry of `FileFieldsInterceptor([...])`. */
export interface MulterField {
  name: string;
  /** Most files this field takes. Default: no limit. */
  maxCount?: number;
}
