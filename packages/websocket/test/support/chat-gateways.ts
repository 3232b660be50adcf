import {
  Catch,
  createParamDecorator,
  Injectable,
  Module,
  ParseIntPipe,
  Reflector,
  SetMetadata,
  UnauthorizedException,
  UseFilters,
  UseGuards,
  UseInterceptors,
  type ArgumentsHost,
  type ArmatureRequest,
  type CallHandler,
  type CanActivate,
  type ExceptionFilter,
  type ExecutionContext,
  type NestInterceptor,
} from '@armature/core';
import { map, of, type Observable } from 'rxjs';
import {
  ConnectedSocket,
  MessageBody,
  SubscribeMessage,
  WebSocketGateway,
  WebSocketServer,
  WsClient,
  WsException,
  WsServer,
  type OnGatewayConnection,
  type OnGatewayDisconnect,
  type OnGatewayInit,
  type WsResponse,
} from '../../src';

export const lifecycle: string[] = [];

/** The gateway most tests talk to: acks, rooms, broadcasts, errors. */
@WebSocketGateway({ path: '/chat' })
export class ChatGateway implements OnGatewayInit, OnGatewayConnection, OnGatewayDisconnect {
  @WebSocketServer() server!: WsServer;

  afterInit(server: WsServer): void {
    lifecycle.push(`afterInit ${server.path} same=${server === this.server}`);
  }

  handleConnection(client: WsClient, request: ArmatureRequest): void {
    client.data.name = (request.query.name as string | undefined) ?? 'anonymous';
    lifecycle.push(`connected ${client.data.name}`);
  }

  handleDisconnect(client: WsClient): void {
    lifecycle.push(`disconnected ${client.data.name} rooms=${client.rooms.size}`);
  }

  @SubscribeMessage('echo')
  echo(@MessageBody() data: unknown): unknown {
    return data;
  }

  /** No parameter decorators: NestJS's default `(client, data)`. */
  @SubscribeMessage('defaults')
  defaults(client: WsClient, data: unknown): WsResponse {
    return { event: 'defaults-reply', data: { client: client instanceof WsClient, data } };
  }

  @SubscribeMessage('silent')
  silent(): void {
    return undefined;
  }

  @SubscribeMessage('double')
  async double(@MessageBody() n: number): Promise<number> {
    await new Promise((resolve) => setTimeout(resolve, 5));
    return n * 2;
  }

  @SubscribeMessage('count')
  count(): Observable<number> {
    return of(1, 2, 3);
  }

  @SubscribeMessage('join')
  join(@MessageBody('room') room: string, @ConnectedSocket() client: WsClient): WsResponse<string> {
    client.join(room);
    return { event: 'joined', data: room };
  }

  @SubscribeMessage('leave')
  leave(@MessageBody('room') room: string, @ConnectedSocket() client: WsClient): WsResponse<string> {
    client.leave(room);
    return { event: 'left', data: room };
  }

  /** To a room, without the sender (socket.io's `socket.to(room)`). */
  @SubscribeMessage('say')
  say(@MessageBody() body: { room: string; text: string }, @ConnectedSocket() client: WsClient): void {
    client.to(body.room).emit('said', { from: client.data.name, text: body.text });
  }

  /** To a room, sender included. */
  @SubscribeMessage('shout')
  shout(@MessageBody() body: { room: string; text: string }): void {
    this.server.to(body.room).emit('shouted', body.text);
  }

  @SubscribeMessage('multi')
  multi(@MessageBody() body: { rooms: string[]; except?: string[]; text: string }): void {
    let target = this.server.to(body.rooms);
    if (body.except) target = target.except(body.except);
    target.emit('multi', body.text);
  }

  @SubscribeMessage('announce')
  announce(@MessageBody() text: string): void {
    this.server.emit('announcement', text);
  }

  @SubscribeMessage('gossip')
  gossip(@MessageBody() text: string, @ConnectedSocket() client: WsClient): void {
    client.broadcast.emit('gossip', text);
  }

  @SubscribeMessage('members')
  members(@MessageBody() room: string, @ConnectedSocket() client: WsClient): unknown {
    return {
      size: this.server.roomSize(room),
      names: [...this.server.socketsIn(room)].map((c) => c.data.name).sort(),
      rooms: this.server.roomNames().sort(),
      mine: [...client.rooms].sort(),
    };
  }

  @SubscribeMessage('fail')
  fail(): never {
    throw new WsException('Nope');
  }

  @SubscribeMessage('fail-object')
  failObject(): never {
    throw new WsException({ status: 'error', message: 'custom', code: 42 });
  }

  @SubscribeMessage('crash')
  async crash(): Promise<never> {
    throw new Error('secret database details');
  }
}

// ---- Enhancers on messages ----

const Roles = (...roles: string[]) => SetMetadata('roles', roles);

/** A message guard: reads the handler's roles through Reflector and the client's user. */
@Injectable()
export class RolesGuard implements CanActivate {
  constructor(private readonly reflector: Reflector) {}

  canActivate(context: ExecutionContext): boolean {
    const roles = this.reflector.get<string[] | undefined>('roles', context.getHandler());
    if (roles === undefined) return true;
    const client = context.switchToWs().getClient<WsClient>();
    const user = client.data.user as { roles: string[] } | undefined;
    return context.getType() === 'ws' && user !== undefined && roles.some((role) => user.roles.includes(role));
  }
}

/** The upgrade guard: an ordinary HTTP guard reading the Authorization header. */
@Injectable()
export class BearerAuthGuard implements CanActivate {
  async canActivate(context: ExecutionContext): Promise<boolean> {
    const request = context.switchToHttp().getRequest<ArmatureRequest & { user?: unknown }>();
    const header = request.headers.authorization;
    const token = typeof header === 'string' && header.startsWith('Bearer ') ? header.slice(7) : (request.query.token as string | undefined);
    if (token === undefined) throw new UnauthorizedException();
    if (token === 'banned') return false;
    await new Promise((resolve) => setTimeout(resolve, 5));
    request.user = { name: token, roles: token === 'root' ? ['admin'] : ['user'], ip: request.ip };
    return true;
  }
}

export class WrapInterceptor implements NestInterceptor {
  intercept(_context: ExecutionContext, next: CallHandler): Observable<unknown> {
    return next.handle().pipe(map((value) => ({ wrapped: value })));
  }
}

@Catch(WsException)
export class TeapotFilter implements ExceptionFilter {
  catch(exception: WsException, host: ArgumentsHost): void {
    const ws = host.switchToWs();
    ws.getClient<WsClient>().emit('teapot', { error: exception.getError(), pattern: ws.getPattern(), data: ws.getData() });
  }
}

export const CurrentUser = createParamDecorator((field: string | undefined, context: ExecutionContext) => {
  const user = context.switchToWs().getClient<WsClient>().data.user as Record<string, unknown>;
  return field === undefined ? user : user[field];
});

@WebSocketGateway({ path: '/secure', upgradeGuards: [BearerAuthGuard] })
@UseGuards(RolesGuard)
export class SecureGateway {
  @SubscribeMessage('whoami')
  whoami(@CurrentUser() user: unknown): unknown {
    return user;
  }

  @SubscribeMessage('name')
  name(@CurrentUser('name') name: string): string {
    return name;
  }

  @Roles('admin')
  @SubscribeMessage('admin')
  admin(): string {
    return 'welcome, admin';
  }

  @SubscribeMessage('increment')
  increment(@MessageBody('n', ParseIntPipe) n: number): number {
    return n + 1;
  }

  @UseInterceptors(WrapInterceptor)
  @SubscribeMessage('wrapped')
  wrapped(@MessageBody() data: unknown): unknown {
    return data;
  }

  @UseFilters(TeapotFilter)
  @SubscribeMessage('filtered')
  filtered(): never {
    throw new WsException('short and stout');
  }
}

/** A second gateway on /chat: it shares the path's server, rooms and events. */
@WebSocketGateway({ path: 'chat' })
export class ChatExtrasGateway {
  @WebSocketServer() server!: WsServer;

  @SubscribeMessage('extras')
  extras(): unknown {
    return { sharedServer: this.server.path, clients: this.server.clients.size };
  }
}

/** Closes connections that send something that is not `{ event, data }`. */
@WebSocketGateway({ path: '/strict', invalidMessage: 'close' })
export class StrictGateway {
  @SubscribeMessage('ok')
  ok(): string {
    return 'ok';
  }
}

@Module({ providers: [ChatGateway, ChatExtrasGateway, SecureGateway, StrictGateway] })
export class GatewaysModule {}
