import { ROUTE_ARGS_METADATA } from './metadata-keys';

/** What a handler parameter receives. */
export enum RouteParamtype {
  REQUEST,
  RESPONSE,
  NEXT,
  BODY,
  QUERY,
  PARAM,
  HEADERS,
  IP,
  HOST,
  /** `@UploadedFile()`: `request.file`, set by a file interceptor. */
  FILE,
  /** `@UploadedFiles()`: `request.files`. */
  FILES,
  /** `createParamDecorator(...)`: a user-defined extractor. */
  CUSTOM,
}

export interface RouteParamMetadata {
  index: number;
  type: RouteParamtype;
  /** The property to pick (`@Param('id')`), or undefined for the whole object. */
  data?: string;
  /** Extra options (`@Res({ passthrough: true })`). */
  options?: { passthrough?: boolean };
  /** Pipes given inline (`@Param('id', ParseIntPipe)`); applied by the pipeline. */
  pipes: unknown[];
  /** For CUSTOM params: the factory `createParamDecorator` was given, called as (data, ctx). */
  factory?: (data: unknown, context: unknown) => unknown;
  /** For CUSTOM params: the decorator's argument (any value, not only a string). */
  customData?: unknown;
}

/** Records one handler parameter; stored per (class, method) as a list sorted by index. */
function recordParam(type: RouteParamtype, data?: string, options?: RouteParamMetadata['options'], pipes: unknown[] = []): ParameterDecorator {
  return (target, key, index) => {
    if (key === undefined) return; // constructor parameters belong to DI
    const list: RouteParamMetadata[] = Reflect.getMetadata(ROUTE_ARGS_METADATA, target.constructor, key) ?? [];
    const next = [...list.filter((p) => p.index !== index), { index, type, data, options, pipes }].sort((a, b) => a.index - b.index);
    Reflect.defineMetadata(ROUTE_ARGS_METADATA, next, target.constructor, key);
  };
}

/** `(property?, ...pipes)`: the NestJS signature shared by @Param/@Query/@Body/@Headers. */
function propertyParam(type: RouteParamtype) {
  return (propertyOrPipe?: string | unknown, ...pipes: unknown[]): ParameterDecorator =>
    typeof propertyOrPipe === 'string' || propertyOrPipe === undefined
      ? recordParam(type, propertyOrPipe as string | undefined, undefined, pipes)
      : recordParam(type, undefined, undefined, [propertyOrPipe, ...pipes]);
}

export const Param = propertyParam(RouteParamtype.PARAM);
export const Query = propertyParam(RouteParamtype.QUERY);
export const Body = propertyParam(RouteParamtype.BODY);
export const Headers = (name?: string): ParameterDecorator => recordParam(RouteParamtype.HEADERS, name?.toLowerCase());
export const HostParam = (name?: string): ParameterDecorator => recordParam(RouteParamtype.HOST, name);
export const Ip = (): ParameterDecorator => recordParam(RouteParamtype.IP);
export const Req = (): ParameterDecorator => recordParam(RouteParamtype.REQUEST);
export const Request = Req;
/** The response object; without `passthrough` the handler must answer through it itself. */
export const Res = (options?: { passthrough?: boolean }): ParameterDecorator => recordParam(RouteParamtype.RESPONSE, undefined, options);
export const Response = Res;
export const Next = (): ParameterDecorator => recordParam(RouteParamtype.NEXT);
