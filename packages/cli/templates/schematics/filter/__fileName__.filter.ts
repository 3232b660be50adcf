import { ArgumentsHost, ArmatureResponse, Catch, ExceptionFilter, HttpException } from '@armature/core';

@Catch(HttpException)
export class {{className}}Filter implements ExceptionFilter {
  catch(exception: HttpException, host: ArgumentsHost): void {
    const response: ArmatureResponse = host.switchToHttp().getResponse();
    const status = exception.getStatus();
    response.status(status).json({ statusCode: status, message: exception.message, timestamp: new Date().toISOString() });
  }
}
