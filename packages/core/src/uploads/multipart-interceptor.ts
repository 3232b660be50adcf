import type { Observable } from 'rxjs';
import type { Type } from '../di';
import type { CallHandler, ExecutionContext, NestInterceptor } from '../enhancers/interfaces';
import type { ArmatureRequest } from '../http/request';
import type { FileSlots } from './file-slots';
import type { MulterOptions } from './multer-options';
import { readMultipart, type MultipartSettings } from './multipart-reader';
import { diskStorage } from './storage/disk-storage';
import { memoryStorage } from './storage/memory-storage';

/** The class a file-interceptor factory returns: the pipeline reads its two statics. */
export interface MultipartInterceptorType extends Type<NestInterceptor> {
  /** Tells the pipeline to open the body as a stream for multipart requests instead of parsing it. */
  readonly consumesMultipart: true;
  /** `limits.totalSize`: the limit to open the body with (undefined: the application's `bodyLimit`). */
  readonly bodyLimit: number | undefined;
}

function settingsOf(options: MulterOptions): MultipartSettings {
  return {
    storage: options.storage ?? (options.dest !== undefined ? diskStorage({ destination: options.dest }) : memoryStorage()),
    limits: options.limits ?? {},
    preservePath: options.preservePath ?? false,
    fileFilter: options.fileFilter,
  };
}

/**
 * Builds the interceptor class for one kind of upload (NestJS returns a mixin class too). The
 * storage is created when DI instantiates the class, not when the decorator runs, so a disk
 * destination is created at application start, as with NestJS.
 *
 * Requests that are not multipart pass through untouched (multer skips them too): the pipeline
 * opened no body stream for them.
 */
export function multipartInterceptor(name: string, slots: FileSlots, options: MulterOptions = {}): MultipartInterceptorType {
  class MultipartInterceptor implements NestInterceptor {
    static readonly consumesMultipart = true as const;
    static readonly bodyLimit = options.limits?.totalSize;
    private readonly settings = settingsOf(options);

    async intercept(context: ExecutionContext, next: CallHandler): Promise<Observable<unknown>> {
      const request = context.switchToHttp().getRequest<ArmatureRequest>();
      const source = request.bodyStream;
      if (source !== undefined) {
        request.bodyStream = undefined; // consumed: a second file interceptor on the route finds nothing to read
        const content = await readMultipart(request, source, slots.claimer(), this.settings);
        request.body = content.fields;
        slots.place(request, content.files);
      }
      return next.handle();
    }
  }
  Object.defineProperty(MultipartInterceptor, 'name', { value: name });
  return MultipartInterceptor;
}
