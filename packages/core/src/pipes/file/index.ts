export { FileValidator, type IFile, type FileValidatorContext } from './file-validator';
export { MaxFileSizeValidator, type MaxFileSizeValidatorOptions } from './max-file-size.validator';
export { FileTypeValidator, type FileTypeValidatorOptions } from './file-type.validator';
export { detectFileType, type DetectedFileType } from './detect-file-type';
export { ParseFilePipe } from './parse-file.pipe';
export type { ParseFileOptions } from './parse-file-options';
export { ParseFilePipeBuilder } from './parse-file-pipe.builder';
