import { createWriteStream, mkdirSync, unlink, type WriteStream } from 'node:fs';
import { join } from 'node:path';
import { pipeline } from 'node:stream';
import type { IncomingFileInfo } from '../multer-options';
import type { UploadedFileInfo } from '../uploaded-file';
import type { IncomingFile, StorageEngine, StoredFileInfo } from './storage-engine';

type NameCallback = (error: Error | null, value: string) => void;
type NameFunction = (request: any, file: IncomingFileInfo, callback: NameCallback) => void;

/** multer's `diskStorage` options. */
export interface DiskStorageOptions {
  /** A directory (created now if missing), or a function choosing one per file (which must exist). Default: the OS temp dir. */
  destination?: string | NameFunction;
  /** The file's name inside the destination. Default: 32 random hex characters, no extension. */
  filename?: NameFunction;
}

function randomFilename(_request: unknown, _file: IncomingFileInfo, callback: NameCallback): void {
  // node:crypto and node:os are required on first use, not at import (most apps store no file on disk).
  (require('node:crypto') as typeof import('node:crypto')).randomBytes(16, (error, bytes) => callback(error, error ? '' : bytes.toString('hex')));
}

/** Calls `then` once the write stream released its file descriptor (an unlink before its open would be undone by it). */
function whenClosed(out: WriteStream, then: () => void): void {
  if (out.closed) then();
  else out.once('close', then);
}

/** Streams each file to disk as it arrives. A file that fails mid-way is removed before the callback. */
class DiskStorage implements StorageEngine {
  private readonly destination: NameFunction;
  private readonly filename: NameFunction;

  constructor(options: DiskStorageOptions) {
    const destination = options.destination ?? (require('node:os') as typeof import('node:os')).tmpdir();
    if (typeof destination === 'string') {
      mkdirSync(destination, { recursive: true });
      this.destination = (_request, _file, callback) => callback(null, destination);
    } else {
      this.destination = destination;
    }
    this.filename = options.filename ?? randomFilename;
  }

  _handleFile(request: unknown, file: IncomingFile, callback: (error?: Error | null, info?: StoredFileInfo) => void): void {
    this.destination(request, file, (destinationError, destination) => {
      if (destinationError) return callback(destinationError);
      this.filename(request, file, (filenameError, filename) => {
        if (filenameError) return callback(filenameError);
        const path = join(destination, filename);
        const out = createWriteStream(path);
        pipeline(file.stream, out, (error) => {
          if (error) {
            whenClosed(out, () => unlink(path, () => callback(error)));
            return;
          }
          callback(null, { destination, filename, path, size: out.bytesWritten });
        });
      });
    });
  }

  _removeFile(_request: unknown, file: UploadedFileInfo, callback: (error: Error | null) => void): void {
    const path = file.path as string;
    delete file.destination;
    delete file.filename;
    delete file.path;
    unlink(path, callback);
  }
}

export function diskStorage(options: DiskStorageOptions = {}): StorageEngine {
  return new DiskStorage(options);
}
