import type { Readable } from 'node:stream';
import type { IncomingFileInfo } from '../multer-options';
import type { UploadedFileInfo } from '../uploaded-file';

/** A file being received: its description and its bytes as they arrive. */
export interface IncomingFile extends IncomingFileInfo {
  stream: Readable;
}

/** What a storage engine adds to a file once stored (`buffer`, or `destination`/`filename`/`path`; `size`). */
export type StoredFileInfo = Partial<Omit<UploadedFileInfo, keyof IncomingFileInfo>>;

/**
 * Multer's storage engine interface (same method names), so engines written for multer, e.g. for
 * object storage, plug in unchanged.
 *
 * `_handleFile` must consume `file.stream` and call back exactly once: with what it stored, or with
 * an error (it must then leave nothing behind). The stream errors when the request fails mid-file
 * (a limit, a client gone): the engine then calls back with that error.
 */
export interface StorageEngine {
  _handleFile(request: any, file: IncomingFile, callback: (error?: Error | null, info?: StoredFileInfo) => void): void;
  /** Removes a file this engine stored, when the request fails after it was stored. */
  _removeFile(request: any, file: UploadedFileInfo, callback: (error: Error | null) => void): void;
}
