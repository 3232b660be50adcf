import { HttpException, type HttpExceptionOptions } from './http-exception';

/** Constructor shape of NestJS's built-in exceptions: `(objectOrError?, descriptionOrOptions?)`. */
export type StandardHttpException = new (
  objectOrError?: unknown,
  descriptionOrOptions?: string | HttpExceptionOptions,
) => HttpException;

/**
 * Builds one of NestJS's built-in exceptions: a real named subclass (for `instanceof` and `@Catch`)
 * with NestJS's body rules. `new NotFoundException()` gives { statusCode: 404, message: 'Not Found' };
 * `new NotFoundException('No cat')` gives { message: 'No cat', error: 'Not Found', statusCode: 404 }.
 */
function standardException(name: string, status: number, defaultDescription: string): StandardHttpException {
  const exceptionClass = class extends HttpException {
    constructor(objectOrError?: unknown, descriptionOrOptions: string | HttpExceptionOptions = defaultDescription) {
      const { description, httpExceptionOptions } = HttpException.extractDescriptionAndOptions(descriptionOrOptions);
      super(HttpException.createBody(objectOrError, description ?? defaultDescription, status), status, httpExceptionOptions);
      this.name = new.target.name;
    }
  };
  Object.defineProperty(exceptionClass, 'name', { value: name });
  return exceptionClass;
}

export const BadRequestException = standardException('BadRequestException', 400, 'Bad Request');
export type BadRequestException = HttpException;
export const UnauthorizedException = standardException('UnauthorizedException', 401, 'Unauthorized');
export type UnauthorizedException = HttpException;
export const PaymentRequiredException = standardException('PaymentRequiredException', 402, 'Payment Required');
export type PaymentRequiredException = HttpException;
export const ForbiddenException = standardException('ForbiddenException', 403, 'Forbidden');
export type ForbiddenException = HttpException;
export const NotFoundException = standardException('NotFoundException', 404, 'Not Found');
export type NotFoundException = HttpException;
export const MethodNotAllowedException = standardException('MethodNotAllowedException', 405, 'Method Not Allowed');
export type MethodNotAllowedException = HttpException;
export const NotAcceptableException = standardException('NotAcceptableException', 406, 'Not Acceptable');
export type NotAcceptableException = HttpException;
export const RequestTimeoutException = standardException('RequestTimeoutException', 408, 'Request Timeout');
export type RequestTimeoutException = HttpException;
export const ConflictException = standardException('ConflictException', 409, 'Conflict');
export type ConflictException = HttpException;
export const GoneException = standardException('GoneException', 410, 'Gone');
export type GoneException = HttpException;
export const PreconditionFailedException = standardException('PreconditionFailedException', 412, 'Precondition Failed');
export type PreconditionFailedException = HttpException;
export const PayloadTooLargeException = standardException('PayloadTooLargeException', 413, 'Payload Too Large');
export type PayloadTooLargeException = HttpException;
export const UnsupportedMediaTypeException = standardException('UnsupportedMediaTypeException', 415, 'Unsupported Media Type');
export type UnsupportedMediaTypeException = HttpException;
export const ImATeapotException = standardException('ImATeapotException', 418, 'I\'m a teapot');
export type ImATeapotException = HttpException;
export const MisdirectedException = standardException('MisdirectedException', 421, 'Misdirected');
export type MisdirectedException = HttpException;
export const UnprocessableEntityException = standardException('UnprocessableEntityException', 422, 'Unprocessable Entity');
export type UnprocessableEntityException = HttpException;
export const TooManyRequestsException = standardException('TooManyRequestsException', 429, 'Too Many Requests');
export type TooManyRequestsException = HttpException;
export const RequestHeaderFieldsTooLargeException = standardException('RequestHeaderFieldsTooLargeException', 431, 'Request Header Fields Too Large');
export type RequestHeaderFieldsTooLargeException = HttpException;
export const InternalServerErrorException = standardException('InternalServerErrorException', 500, 'Internal Server Error');
export type InternalServerErrorException = HttpException;
export const NotImplementedException = standardException('NotImplementedException', 501, 'Not Implemented');
export type NotImplementedException = HttpException;
export const BadGatewayException = standardException('BadGatewayException', 502, 'Bad Gateway');
export type BadGatewayException = HttpException;
export const ServiceUnavailableException = standardException('ServiceUnavailableException', 503, 'Service Unavailable');
export type ServiceUnavailableException = HttpException;
export const GatewayTimeoutException = standardException('GatewayTimeoutException', 504, 'Gateway Timeout');
export type GatewayTimeoutException = HttpException;
export const HttpVersionNotSupportedException = standardException('HttpVersionNotSupportedException', 505, 'HTTP Version Not Supported');
export type HttpVersionNotSupportedException = HttpException;
