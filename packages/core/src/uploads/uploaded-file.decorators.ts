import { ROUTE_ARGS_METADATA } from '../decorators/metadata-keys';
import { RouteParamtype, type RouteParamMetadata } from '../decorators/param.decorators';

/** Records a handler parameter the way `@Body()` does, so the pipeline reads it and runs its pipes. */
function recordParam(type: RouteParamtype, data: string | undefined, pipes: unknown[]): ParameterDecorator {
  return (target, key, index) => {
    if (key === undefined) return; // constructor parameters belong to DI
    const list: RouteParamMetadata[] = Reflect.getMetadata(ROUTE_ARGS_METADATA, target.constructor, key) ?? [];
    const next = [...list.filter((p) => p.index !== index), { index, type, data, pipes }].sort((a, b) => a.index - b.index);
    Reflect.defineMetadata(ROUTE_ARGS_METADATA, next, target.constructor, key);
  };
}

/**
 * The file a `FileInterceptor` stored (`request.file`), through the given pipes (e.g. `ParseFilePipe`).
 * NestJS's signatures: `@UploadedFile(...pipes)` and `@UploadedFile(fileKey, ...pipes)`.
 */
export function UploadedFile(fileKeyOrPipe?: string | unknown, ...pipes: unknown[]): ParameterDecorator {
  return typeof fileKeyOrPipe === 'string' || fileKeyOrPipe === undefined
    ? recordParam(RouteParamtype.FILE, fileKeyOrPipe as string | undefined, pipes)
    : recordParam(RouteParamtype.FILE, undefined, [fileKeyOrPipe, ...pipes]);
}

/** The files a `FilesInterceptor`, `FileFieldsInterceptor` or `AnyFilesInterceptor` stored (`request.files`). */
export function UploadedFiles(...pipes: unknown[]): ParameterDecorator {
  return recordParam(RouteParamtype.FILES, undefined, pipes);
}
