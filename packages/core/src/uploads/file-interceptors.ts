import { anyFileSlots, fileArraySlot, fileFieldsSlots, noFileSlots, singleFileSlot } from './file-slots';
import { multipartInterceptor, type MultipartInterceptorType } from './multipart-interceptor';
import type { MulterField, MulterOptions } from './multer-options';

/** One file from `fieldName`, in `@UploadedFile()`. A second file, or a file in another field: 400 `Unexpected field`. */
export function FileInterceptor(fieldName: string, options?: MulterOptions): MultipartInterceptorType {
  return multipartInterceptor('FileInterceptor', singleFileSlot(fieldName), options);
}

/** Up to `maxCount` files from `fieldName`, as an array in `@UploadedFiles()`. */
export function FilesInterceptor(fieldName: string, maxCount?: number, options?: MulterOptions): MultipartInterceptorType {
  return multipartInterceptor('FilesInterceptor', fileArraySlot(fieldName, maxCount), options);
}

/** Files from several fields, each with its own `maxCount`: `@UploadedFiles()` is `{ [field]: file[] }`. */
export function FileFieldsInterceptor(fields: MulterField[], options?: MulterOptions): MultipartInterceptorType {
  return multipartInterceptor('FileFieldsInterceptor', fileFieldsSlots(fields), options);
}

/** Every file, whatever its field, as an array in `@UploadedFiles()`. */
export function AnyFilesInterceptor(options?: MulterOptions): MultipartInterceptorType {
  return multipartInterceptor('AnyFilesInterceptor', anyFileSlots, options);
}

/** Text fields only (in `@Body()`); any file is refused with 400 `Unexpected field`. */
export function NoFilesInterceptor(options?: MulterOptions): MultipartInterceptorType {
  return multipartInterceptor('NoFilesInterceptor', noFileSlots, options);
}
