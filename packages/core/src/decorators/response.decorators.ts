import { HTTP_CODE_METADATA, REDIRECT_METADATA, RESPONSE_HEADERS_METADATA } from './metadata-keys';

/** Sets the status code of a successful response (default 200, 201 for POST). */
export function HttpCode(statusCode: number): MethodDecorator {
  return (_target, _key, descriptor) => {
    Reflect.defineMetadata(HTTP_CODE_METADATA, statusCode, descriptor.value as object);
    return descriptor;
  };
}

/** Adds a response header to every successful response of the route. */
export function Header(name: string, value: string): MethodDecorator {
  return (_target, _key, descriptor) => {
    const list: Array<[string, string]> = Reflect.getMetadata(RESPONSE_HEADERS_METADATA, descriptor.value as object) ?? [];
    Reflect.defineMetadata(RESPONSE_HEADERS_METADATA, [[name.toLowerCase(), value], ...list], descriptor.value as object);
    return descriptor;
  };
}

export interface RedirectMetadata {
  url: string;
  statusCode: number;
}

/** Redirects to `url`; a handler returning `{ url, statusCode }` overrides either. */
export function Redirect(url = '', statusCode = 302): MethodDecorator {
  return (_target, _key, descriptor) => {
    Reflect.defineMetadata(REDIRECT_METADATA, { url, statusCode } satisfies RedirectMetadata, descriptor.value as object);
    return descriptor;
  };
}
