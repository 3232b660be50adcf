/**
 * One uploaded file, with the fields Multer's `Express.Multer.File` has, so NestJS code reading
 * `file.originalname`, `file.buffer`, `file.size`... keeps working.
 */
export interface UploadedFileInfo {
  fieldname: string;
  originalname: string;
  encoding: string;
  mimetype: string;
  size: number;
  /** Memory storage: the file's bytes. */
  buffer?: Buffer;
  /** Disk storage: where it was written. */
  destination?: string;
  filename?: string;
  path?: string;
}
