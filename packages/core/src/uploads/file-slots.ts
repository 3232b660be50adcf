import type { ArmatureRequest } from '../http/request';
import type { MulterField } from './multer-options';
import type { UploadedFileInfo } from './uploaded-file';

/**
 * Which files a route takes and where they land, for one kind of file interceptor (multer's
 * single / array / fields / any / none).
 */
export interface FileSlots {
  /** A per-request counter: true when a file in `fieldname` is taken (and counted), false when it is unexpected. */
  claimer(): (fieldname: string) => boolean;
  /** Puts the stored files where `@UploadedFile()` / `@UploadedFiles()` read them. */
  place(request: ArmatureRequest, files: UploadedFileInfo[]): void;
}

/** Claims up to `maxCount` files per declared field name. */
function countingClaimer(maxCounts: ReadonlyMap<string, number>): () => (fieldname: string) => boolean {
  return () => {
    const taken = new Map<string, number>();
    return (fieldname) => {
      const max = maxCounts.get(fieldname);
      const count = taken.get(fieldname) ?? 0;
      if (max === undefined || count >= max) return false;
      taken.set(fieldname, count + 1);
      return true;
    };
  };
}

/** `FileInterceptor(name)`: at most one file, in `request.file`. */
export function singleFileSlot(fieldName: string): FileSlots {
  return {
    claimer: countingClaimer(new Map([[fieldName, 1]])),
    place: (request, files) => {
      request.file = files[0];
    },
  };
}

/** `FilesInterceptor(name, maxCount)`: an array in `request.files` (empty when none came). */
export function fileArraySlot(fieldName: string, maxCount = Infinity): FileSlots {
  return {
    claimer: countingClaimer(new Map([[fieldName, maxCount]])),
    place: (request, files) => {
      request.files = files;
    },
  };
}

/** `FileFieldsInterceptor([...])`: `request.files` maps each field that received files to its array. */
export function fileFieldsSlots(fields: readonly MulterField[]): FileSlots {
  return {
    claimer: countingClaimer(new Map(fields.map((field) => [field.name, field.maxCount ?? Infinity]))),
    place: (request, files) => {
      const byField = Object.create(null) as Record<string, UploadedFileInfo[]>;
      for (const file of files) (byField[file.fieldname] ??= []).push(file);
      request.files = byField;
    },
  };
}

/** `AnyFilesInterceptor()`: every file, in `request.files`. */
export const anyFileSlots: FileSlots = {
  claimer: () => () => true,
  place: (request, files) => {
    request.files = files;
  },
};

/** `NoFilesInterceptor()`: text fields only; any file is unexpected. */
export const noFileSlots: FileSlots = {
  claimer: () => () => false,
  place: () => undefined,
};
