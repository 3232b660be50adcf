import { Observable, catchError, map, of, tap, throwError, timeout } from 'rxjs';
import {
  APP_GUARD,
  APP_INTERCEPTOR,
  ArgumentsHost,
  BadRequestException,
  BaseExceptionFilter,
  Body,
  CallHandler,
  CanActivate,
  Catch,
  Controller,
  ExceptionFilter,
  ExecutionContext,
  Get,
  HttpException,
  Injectable,
  Module,
  NestInterceptor,
  Param,
  PipeTransform,
  Post,
  Reflector,
  RequestTimeoutException,
  SetMetadata,
  UseFilters,
  UseGuards,
  UseInterceptors,
  UsePipes,
  createParamDecorator,
  type ArmatureRequest,
  type ArmatureResponse,
} from '@armature/core';
import { ADAPTERS, startApp, type RunningApp } from '../support/adapters';

const trace: string[] = [];

function recordingGuard(name: string, allow = true) {
  return { canActivate: () => (trace.push(`guard:${name}`), allow) };
}
function recordingInterceptor(name: string): NestInterceptor {
  return {
    intercept: (_context, next) => {
      trace.push(`interceptor-before:${name}`);
      return next.handle().pipe(tap(() => trace.push(`interceptor-after:${name}`)));
    },
  };
}
function recordingPipe(name: string): PipeTransform {
  return { transform: (value) => (trace.push(`pipe:${name}`), value) };
}

const Roles = Reflector.createDecorator<string[]>();
const IS_PUBLIC = 'isPublic';

/** A DI-built global guard (APP_GUARD) that reads route metadata through the Reflector. */
@Injectable()
class RolesGuard implements CanActivate {
  constructor(private readonly reflector: Reflector) {}
  canActivate(context: ExecutionContext): boolean {
    if (this.reflector.getAllAndOverride<boolean>(IS_PUBLIC, [context.getHandler(), context.getClass()])) return true;
    const roles = this.reflector.getAllAndOverride(Roles, [context.getHandler(), context.getClass()]) ?? [];
    const request = context.switchToHttp().getRequest<ArmatureRequest>();
    const role = request.headers['x-role'];
    return roles.length === 0 || roles.includes(String(role));
  }
}

@Injectable()
class Clock {
  now() {
    return 'tick';
  }
}

/** A DI-built global interceptor with its own dependency. */
@Injectable()
class StampInterceptor implements NestInterceptor {
  constructor(private readonly clock: Clock) {}
  intercept(_context: ExecutionContext, next: CallHandler): Observable<unknown> {
    return next.handle().pipe(map((value) => (value && typeof value === 'object' && !Array.isArray(value) ? { ...value, stamp: this.clock.now() } : value)));
  }
}

class StageError extends Error {}

@Catch(StageError)
class StageErrorFilter implements ExceptionFilter {
  catch(exception: StageError, host: ArgumentsHost) {
    host.switchToHttp().getResponse<ArmatureResponse>().status(409).json({ caughtBy: 'StageErrorFilter', message: exception.message });
  }
}

@Catch(HttpException)
class ControllerHttpFilter implements ExceptionFilter {
  catch(exception: HttpException, host: ArgumentsHost) {
    host.switchToHttp().getResponse<ArmatureResponse>().status(exception.getStatus()).json({ caughtBy: 'controller', status: exception.getStatus() });
  }
}

@Catch()
class LoggingBaseFilter extends BaseExceptionFilter {
  override catch(exception: unknown, host: ArgumentsHost) {
    trace.push('filter:base');
    super.catch(exception, host);
  }
}

const CurrentUser = createParamDecorator((data: string | undefined, ctx: ExecutionContext) => {
  const request = ctx.switchToHttp().getRequest<ArmatureRequest>();
  const user = { id: String(request.headers['x-user'] ?? 'anonymous'), name: 'Ada' };
  return data === undefined ? user : user[data as keyof typeof user];
});

const Upper: PipeTransform = { transform: (value) => String(value).toUpperCase() };

@Controller('pipeline')
@UseGuards(recordingGuard('controller'))
@UseInterceptors(recordingInterceptor('controller'))
@UsePipes(recordingPipe('controller'))
@Roles(['user'])
class PipelineController {
  @Get('order/:id')
  @UseGuards(recordingGuard('method'))
  @UseInterceptors(recordingInterceptor('method'))
  @UsePipes(recordingPipe('method'))
  order(@Param('id', recordingPipe('param')) id: string) {
    trace.push('handler');
    return { id };
  }

  @Get('admin')
  @Roles(['admin'])
  admin() {
    return { admin: true };
  }

  @Get('public')
  @SetMetadata(IS_PUBLIC, true)
  open() {
    return { open: true };
  }

  @Get('custom')
  custom(@CurrentUser() user: { id: string }, @CurrentUser('name', Upper) name: string) {
    return { user, name };
  }

  @Get('fail/:stage')
  @UseFilters(StageErrorFilter)
  fail(@Param('stage', { transform: (v: string) => (v === 'pipe' ? (() => { throw new StageError('from pipe'); })() : v) }) stage: string) {
    if (stage === 'handler') throw new StageError('from handler');
    if (stage === 'async') return Promise.reject(new StageError('from async handler'));
    if (stage === 'http') throw new BadRequestException('bad');
    if (stage === 'observable') return throwError(() => new StageError('from observable'));
    return { stage };
  }

  @Post('echo')
  echo(@Body() body: unknown) {
    return body;
  }
}

/** Interceptors in NestJS style: map, catchError, timeout. */
@Controller('rx')
class RxController {
  @Get('recover')
  @UseInterceptors({ intercept: (_c: ExecutionContext, next: CallHandler) => next.handle().pipe(catchError(() => of({ recovered: true }))) })
  recover() {
    throw new Error('boom');
  }

  @Get('slow')
  @UseInterceptors({
    intercept: (_c: ExecutionContext, next: CallHandler) =>
      next.handle().pipe(
        timeout(50),
        catchError((error) => throwError(() => (error?.name === 'TimeoutError' ? new RequestTimeoutException() : error))),
      ),
  })
  async slow() {
    await new Promise((r) => setTimeout(r, 300));
    return { late: true };
  }

  @Get('short-circuit')
  @UseInterceptors({ intercept: () => of({ cached: true }) })
  shortCircuit() {
    trace.push('short-circuit handler ran');
    return { fresh: true };
  }
}

@Controller('filtered')
@UseFilters(ControllerHttpFilter)
class FilteredController {
  @Get('guard')
  @UseGuards(recordingGuard('deny', false))
  guarded() {
    return 'never';
  }

  @Get('method-filter-wins')
  @UseFilters(LoggingBaseFilter)
  methodWins() {
    throw new BadRequestException('x');
  }

  @Get('guard-throws')
  @UseGuards({
    canActivate: () => {
      throw new StageError('from guard');
    },
  })
  @UseFilters(StageErrorFilter)
  guardThrows() {
    return 'never';
  }

  @Get('interceptor-throws')
  @UseInterceptors({
    intercept: () => {
      throw new StageError('from interceptor');
    },
  })
  @UseFilters(StageErrorFilter)
  interceptorThrows() {
    return 'never';
  }
}

@Module({
  controllers: [PipelineController, RxController, FilteredController],
  providers: [Clock, { provide: APP_GUARD, useClass: RolesGuard }, { provide: APP_INTERCEPTOR, useClass: StampInterceptor }],
})
class PipelineModule {}

describe.each(ADAPTERS)('request pipeline on the %s adapter', (_name, createAdapter) => {
  let running: RunningApp;
  const get = (path: string, headers: Record<string, string> = { 'x-role': 'user' }) => fetch(running.url + path, { headers });

  beforeAll(async () => {
    running = await startApp(PipelineModule, createAdapter, {}, (app) => {
      app.useGlobalGuards(recordingGuard('global'));
      app.useGlobalInterceptors(recordingInterceptor('global'));
      app.useGlobalPipes(recordingPipe('global'));
    });
  });
  afterAll(() => running.close());
  beforeEach(() => {
    trace.length = 0;
  });

  it('runs stages in NestJS order with global → controller → method precedence', async () => {
    const res = await get('/pipeline/order/7');
    expect(res.status).toBe(200);
    expect(await res.json()).toEqual({ id: '7', stamp: 'tick' });
    expect(trace).toEqual([
      'guard:global',
      'guard:controller',
      'guard:method',
      'interceptor-before:global',
      'interceptor-before:controller',
      'interceptor-before:method',
      'pipe:global',
      'pipe:controller',
      'pipe:method',
      'pipe:param',
      'handler',
      'interceptor-after:method',
      'interceptor-after:controller',
      'interceptor-after:global',
    ]);
  });

  it('a guard returning false → 403 with NestJS body; later stages do not run', async () => {
    const res = await get('/pipeline/admin');
    expect(res.status).toBe(403);
    expect(await res.json()).toEqual({ message: 'Forbidden resource', error: 'Forbidden', statusCode: 403 });
    // The global APP_GUARD (RolesGuard) refuses: the controller's guard and everything after never run.
    expect(trace).toEqual(['guard:global']);
  });

  it('the DI-built APP_GUARD reads handler-over-class metadata through the Reflector', async () => {
    expect((await get('/pipeline/admin', { 'x-role': 'admin' })).status).toBe(200);
    expect((await get('/pipeline/order/1', { 'x-role': 'guest' })).status).toBe(403);
    expect((await get('/pipeline/public', { 'x-role': 'guest' })).status).toBe(200);
  });

  it('createParamDecorator reads the context; its pipes run', async () => {
    const res = await get('/pipeline/custom', { 'x-role': 'user', 'x-user': 'u1' });
    expect(await res.json()).toEqual({ user: { id: 'u1', name: 'Ada' }, name: 'ADA', stamp: 'tick' });
  });

  it.each([
    ['pipe', 'from pipe'],
    ['handler', 'from handler'],
    ['async', 'from async handler'],
    ['observable', 'from observable'],
  ])('an exception thrown in the %s reaches the method filter', async (stage, message) => {
    const res = await get(`/pipeline/fail/${stage}`);
    expect(res.status).toBe(409);
    expect(await res.json()).toEqual({ caughtBy: 'StageErrorFilter', message });
  });

  it('exceptions from guards and interceptors reach the filters too', async () => {
    for (const path of ['/filtered/guard-throws', '/filtered/interceptor-throws']) {
      const res = await get(path);
      expect(res.status).toBe(409);
      expect(((await res.json()) as { caughtBy: string }).caughtBy).toBe('StageErrorFilter');
    }
  });

  it('an exception no filter catches gets the default body', async () => {
    const res = await get('/pipeline/fail/http');
    expect(res.status).toBe(400);
    expect(await res.json()).toEqual({ message: 'bad', error: 'Bad Request', statusCode: 400 });
  });

  it('controller filters catch guard refusals; a method filter takes precedence over the controller one', async () => {
    const denied = await get('/filtered/guard');
    expect(await denied.json()).toEqual({ caughtBy: 'controller', status: 403 });
    const methodWins = await get('/filtered/method-filter-wins');
    expect(methodWins.status).toBe(400);
    expect(await methodWins.json()).toEqual({ message: 'x', error: 'Bad Request', statusCode: 400 });
    expect(trace).toContain('filter:base');
  });

  it('NestJS interceptors work unchanged: catchError, timeout, short-circuit', async () => {
    expect(await (await get('/rx/recover')).json()).toEqual({ recovered: true, stamp: 'tick' });
    const slow = await get('/rx/slow');
    expect(slow.status).toBe(408);
    expect(await (await get('/rx/short-circuit')).json()).toEqual({ cached: true, stamp: 'tick' });
    expect(trace).not.toContain('short-circuit handler ran');
  });

  it('enhanced routes read bodies (guards may need them)', async () => {
    const res = await fetch(`${running.url}/pipeline/echo`, { method: 'POST', headers: { 'x-role': 'user', 'content-type': 'application/json' }, body: '{"a":1}' });
    expect(res.status).toBe(201);
    expect(await res.json()).toEqual({ a: 1, stamp: 'tick' });
  });
});
