import { finished } from 'node:stream';
import type { UploadedFileInfo } from '../uploaded-file';
import type { IncomingFile, StorageEngine, StoredFileInfo } from './storage-engine';

/** Keeps each file in memory, as `file.buffer`. */
class MemoryStorage implements StorageEngine {
  _handleFile(_request: unknown, file: IncomingFile, callback: (error?: Error | null, info?: StoredFileInfo) => void): void {
    const chunks: Buffer[] = [];
    let size = 0;
    file.stream.on('data', (chunk: Buffer) => {
      chunks.push(chunk);
      size += chunk.length;
    });
    // finished() also reports a stream destroyed without an error (premature close).
    finished(file.stream, (error) => {
      if (error) {
        chunks.length = 0;
        callback(error);
        return;
      }
      callback(null, { buffer: chunks.length === 1 ? chunks[0] : Buffer.concat(chunks, size), size });
    });
  }

  _removeFile(_request: unknown, file: UploadedFileInfo, callback: (error: Error | null) => void): void {
    delete file.buffer;
    callback(null);
  }
}

export function memoryStorage(): StorageEngine {
  return new MemoryStorage();
}
