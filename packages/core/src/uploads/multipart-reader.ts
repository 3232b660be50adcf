import type { Readable } from 'node:stream';
import type busboy from 'busboy';
import type { Busboy, FieldInfo, FileInfo } from 'busboy';
import type { ArmatureRequest } from '../http/request';
import { appendField, emptyFormFields, type FormFields } from './form-fields';
import type { FileFilterCallback, IncomingFileInfo, MulterLimits, MulterOptions } from './multer-options';
import type { StorageEngine } from './storage/storage-engine';
import { limitCrossed, malformedMultipart, missingFieldName, totalSizeCrossed, unexpectedField } from './upload-errors';
import type { UploadedFileInfo } from './uploaded-file';

/** How one route reads multipart bodies (resolved once per interceptor). */
export interface MultipartSettings {
  readonly storage: StorageEngine;
  readonly limits: MulterLimits;
  readonly preservePath: boolean;
  readonly fileFilter: NonNullable<MulterOptions['fileFilter']> | undefined;
}

export interface MultipartContent {
  fields: FormFields;
  /** In the order the files started arriving. */
  files: UploadedFileInfo[];
}

const DEFAULT_FIELD_NAME_SIZE = 100;

function ignore(): void {}

/** busboy's limits. busboy reports `fileSize`/`fieldSize` once a value *reaches* them: +1 makes that "goes over". */
function busboyLimits(limits: MulterLimits): busboy.Limits {
  return {
    fileSize: limits.fileSize === undefined ? undefined : limits.fileSize + 1,
    fieldSize: limits.fieldSize === undefined ? undefined : limits.fieldSize + 1,
    files: limits.files,
    fields: limits.fields,
  };
}

/**
 * Parses one multipart body with busboy while it arrives, hands each file to the storage engine,
 * and resolves with the text fields and the stored files.
 *
 * A limit crossed, an unexpected field, a parse error, a storage or filter error, or the source
 * failing (the adapter's total limit, the client gone) fails the whole request at once: the source
 * is destroyed (the adapter stops reading), files being received are cut off, and the promise
 * rejects only once every file already stored has been removed.
 */
export function readMultipart(
  request: ArmatureRequest,
  source: Readable,
  claim: (fieldname: string) => boolean,
  settings: MultipartSettings,
): Promise<MultipartContent> {
  return new MultipartRead(request, source, claim, settings).promise;
}

class MultipartRead {
  readonly promise: Promise<MultipartContent>;
  private resolve!: (content: MultipartContent) => void;
  private reject!: (error: unknown) => void;

  private readonly fields = emptyFormFields();
  /** One slot per file, in arrival order; null until stored (and for files the filter skipped). */
  private readonly slots: Array<UploadedFileInfo | null> = [];
  /** Every file the storage engine stored, to remove if the request fails. */
  private readonly stored: UploadedFileInfo[] = [];
  private readonly receiving = new Set<Readable>();
  private parser: Busboy | null = null;
  /** Files handed to the filter or the storage engine that have not called back yet. */
  private pending = 0;
  private parsed = false;
  private settled = false;
  private failure: unknown = null;
  private tornDown = false;
  private parts = 0;
  private received = 0;

  constructor(
    private readonly request: ArmatureRequest,
    private readonly source: Readable,
    private readonly claim: (fieldname: string) => boolean,
    private readonly settings: MultipartSettings,
  ) {
    this.promise = new Promise((resolve, reject) => {
      this.resolve = resolve;
      this.reject = reject;
    });
    // Storage engines and filters may look at the fields received so far, as with multer.
    request.body = this.fields;
    try {
      // Required here, not at import: busboy loads only in apps that receive uploads.
      const createParser = require('busboy') as typeof busboy;
      this.parser = createParser({
        headers: { 'content-type': request.headers['content-type'] as string | undefined },
        limits: busboyLimits(settings.limits),
        preservePath: settings.preservePath,
        // Browsers send file names as raw UTF-8; busboy's default (latin1) would garble them.
        defParamCharset: 'utf8',
      });
    } catch (error) {
      this.fail(malformedMultipart(error as Error));
      return;
    }
    this.listen(this.parser);
    source.on('error', (error) => this.fail(error));
    if (settings.limits.totalSize !== undefined) source.on('data', this.countBytes);
    source.pipe(this.parser);
  }

  private listen(parser: Busboy): void {
    parser.on('file', (name, stream, info) => this.onFile(name, stream, info));
    parser.on('field', (name, value, info) => this.onField(name, value, info));
    parser.on('filesLimit', () => this.fail(limitCrossed('files')));
    parser.on('fieldsLimit', () => this.fail(limitCrossed('fields')));
    parser.on('error', (error: Error) => this.fail(malformedMultipart(error)));
    // 'close' follows the end of the form, once every file stream ended.
    parser.on('close', () => {
      this.parsed = true;
      this.settle();
    });
  }

  private readonly countBytes = (chunk: Buffer): void => {
    this.received += chunk.length;
    const limit = this.settings.limits.totalSize as number;
    if (this.received > limit) this.fail(totalSizeCrossed(limit));
  };

  /** Checks shared by files and fields; returns the error to fail with, if any. */
  private checkPart(name: string | undefined): Error | undefined {
    const { parts, fieldNameSize = DEFAULT_FIELD_NAME_SIZE } = this.settings.limits;
    if (parts !== undefined && ++this.parts > parts) return limitCrossed('parts');
    if (name === undefined || name === '') return missingFieldName();
    if (Buffer.byteLength(name) > fieldNameSize) return limitCrossed('fieldNameSize');
    return undefined;
  }

  private onField(name: string, value: string, info: FieldInfo): void {
    if (this.failure !== null) return;
    const error = this.checkPart(name) ?? (info.valueTruncated ? limitCrossed('fieldSize') : undefined);
    if (error !== undefined) return this.fail(error);
    appendField(this.fields, name, value);
  }

  private onFile(name: string, stream: Readable, info: FileInfo): void {
    // busboy errors a file stream when the body ends inside it: a malformed request (400). The
    // storage engine hears that error too, but this listener comes first. When the request fails
    // for another reason, the file streams are destroyed with that failure, which is kept.
    stream.on('error', (error) => this.fail(malformedMultipart(error)));
    if (this.failure !== null) {
      stream.resume();
      return;
    }
    const error = this.checkPart(name) ?? (this.claim(name) ? undefined : unexpectedField());
    if (error !== undefined) {
      stream.resume();
      return this.fail(error);
    }
    const file: IncomingFileInfo = { fieldname: name, originalname: info.filename ?? '', encoding: info.encoding, mimetype: info.mimeType };
    const slot = this.slots.push(null) - 1;
    this.pending++;
    this.receiving.add(stream);
    stream.once('close', () => this.receiving.delete(stream));
    // busboy says so as soon as the file goes over `fileSize`, and drops the rest of it.
    stream.once('limit', () => this.fail(limitCrossed('fileSize')));
    this.filter(file, (filterError, accept) => {
      if (filterError || this.failure !== null) {
        if (filterError) this.fail(filterError);
        return this.filePassed();
      }
      if (!accept) {
        stream.resume();
        return this.filePassed();
      }
      this.store(file, stream, slot);
    });
  }

  private filter(file: IncomingFileInfo, callback: FileFilterCallback): void {
    const fileFilter = this.settings.fileFilter;
    if (fileFilter === undefined) return callback(null, true);
    let called = false;
    fileFilter(this.request, file, (error, accept) => {
      if (called) return;
      called = true;
      callback(error, accept);
    });
  }

  private store(file: IncomingFileInfo, stream: Readable, slot: number): void {
    let called = false;
    this.settings.storage._handleFile(this.request, { ...file, stream }, (error, info) => {
      if (called) return;
      called = true;
      if (error) {
        this.fail(error);
      } else {
        const stored: UploadedFileInfo = { ...file, size: 0, ...info };
        this.stored.push(stored);
        this.slots[slot] = stored;
      }
      this.filePassed();
    });
  }

  private filePassed(): void {
    this.pending--;
    this.settle();
  }

  /** Fails once, at once: stops the source and the files being received; the rejection waits for `settle`. */
  private fail(error: unknown): void {
    if (this.failure !== null) return;
    this.failure = error;
    this.source.removeListener('data', this.countBytes);
    // Most failures are noticed inside a busboy event, with busboy still on the stack: destroying it
    // there breaks its state (it sets `truncated` on a file stream it just dropped). Until the next
    // tick every event is ignored, as `failure` is set.
    process.nextTick(this.tearDown);
  }

  private readonly tearDown = (): void => {
    this.tornDown = true;
    const failure = this.failure;
    // Files being received learn the real reason first (busboy would tell them 'Unexpected end of file').
    for (const stream of this.receiving) stream.destroy(failure instanceof Error ? failure : new Error(String(failure)));
    const parser = this.parser;
    if (parser !== null) {
      this.source.unpipe(parser);
      parser.on('error', ignore); // destroying busboy mid-form makes it emit 'Unexpected end of form'
      parser.destroy();
    }
    this.source.destroy();
    this.settle();
  };

  private settle(): void {
    if (this.pending > 0 || this.settled) return;
    if (this.failure !== null) {
      if (!this.tornDown) return;
      this.settled = true;
      const failure = this.failure;
      void this.removeStored(failure).then(() => this.reject(failure));
    } else if (this.parsed) {
      this.settled = true;
      this.resolve({ fields: this.fields, files: this.slots.filter((file): file is UploadedFileInfo => file !== null) });
    }
  }

  /** Removes every stored file; removal errors are attached to the failure as `storageErrors`, as multer does. */
  private async removeStored(failure: unknown): Promise<void> {
    const storage = this.settings.storage;
    const removals = this.stored.map(
      (file) => new Promise<Error | null>((done) => storage._removeFile(this.request, file, (error) => done(error ?? null))),
    );
    const storageErrors = (await Promise.all(removals)).filter((error): error is Error => error !== null);
    if (storageErrors.length > 0 && typeof failure === 'object' && failure !== null) Object.assign(failure, { storageErrors });
  }
}
