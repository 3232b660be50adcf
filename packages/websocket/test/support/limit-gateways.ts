import { Module } from '@armature/core';
import { ConnectedSocket, MessageBody, SubscribeMessage, WebSocketGateway, WebSocketServer, type BackpressureOptions, type WsClient, type WsServer } from '../../src';

export const LIMIT = 64 * 1024;
const CHUNK = 'x'.repeat(16 * 1024);

export interface FloodReport {
  sent: number;
  refused: number;
  maxBuffered: number;
  dropped: number;
  connected: boolean;
}

/** Floods its clients: directly (`client.emit`) or through a room (one native publish each). */
function floodGateway(path: string, backpressure: BackpressureOptions) {
  @WebSocketGateway({ path, backpressure, maxPayloadLength: 4096 })
  class FloodGateway {
    @WebSocketServer() server!: WsServer;
    readonly clients = new Map<string, WsClient>();

    @SubscribeMessage('name')
    name(@MessageBody() name: string, @ConnectedSocket() client: WsClient): string {
      client.data.name = name;
      client.join('flood');
      return name;
    }

    /** `count` messages of 16 KiB to the room `flood`, or to the named client; `paced`: two per event-loop turn. */
    @SubscribeMessage('flood')
    async flood(@MessageBody() body: { count: number; to?: string; paced?: boolean }): Promise<FloodReport> {
      const target = body.to === undefined ? undefined : [...this.server.clients].find((c) => c.data.name === body.to);
      const report: FloodReport = { sent: 0, refused: 0, maxBuffered: 0, dropped: 0, connected: true };
      for (let i = 0; i < body.count; i++) {
        if (target === undefined) this.server.to('flood').emit('chunk', { i, chunk: CHUNK });
        else if (!target.emit('chunk', { i, chunk: CHUNK })) report.refused++;
        report.sent++;
        if (target !== undefined) report.maxBuffered = Math.max(report.maxBuffered, target.bufferedAmount);
        if (body.paced === true && i % 2 === 1) await new Promise((resolve) => setTimeout(resolve, 1));
      }
      report.dropped = target?.droppedMessages ?? 0;
      report.connected = target?.connected ?? true;
      return report;
    }

    /** The `wait` policy's producer: never more than the limit in flight, nothing lost. */
    @SubscribeMessage('patient')
    async patient(@MessageBody() body: { count: number; to: string }): Promise<FloodReport> {
      const target = [...this.server.clients].find((c) => c.data.name === body.to) as WsClient;
      const report: FloodReport = { sent: 0, refused: 0, maxBuffered: 0, dropped: 0, connected: true };
      for (let i = 0; i < body.count && target.connected; i++) {
        if (!target.emit('chunk', { i, chunk: CHUNK })) {
          report.refused++;
          await target.drained();
        }
        report.sent++;
        report.maxBuffered = Math.max(report.maxBuffered, target.bufferedAmount);
      }
      report.connected = target.connected;
      return report;
    }

    @SubscribeMessage('status')
    status(@MessageBody() name: string): unknown {
      const client = [...this.server.clients].find((c) => c.data.name === name);
      return client === undefined ? { connected: false } : { connected: client.connected, buffered: client.bufferedAmount, dropped: client.droppedMessages };
    }
  }
  return FloodGateway;
}

export const DropGateway = floodGateway('/drop', { policy: 'drop', limit: LIMIT });
export const CloseGateway = floodGateway('/close', { policy: 'close', limit: LIMIT });
export const WaitGateway = floodGateway('/wait', { policy: 'wait', limit: LIMIT, maxBuffered: 4 * LIMIT });

/** Idle timeouts: uWS's smallest is 8 s; node's host takes any. */
@WebSocketGateway({ path: '/idle8', idleTimeout: 8 })
export class IdleGateway8 {
  readonly gone: string[] = [];

  @SubscribeMessage('name')
  name(@MessageBody() name: string, @ConnectedSocket() client: WsClient): string {
    client.data.name = name;
    return name;
  }

  @SubscribeMessage('gone')
  listGone(): string[] {
    return this.gone;
  }

  handleDisconnect(client: WsClient): void {
    this.gone.push(client.data.name as string);
  }
}

@WebSocketGateway({ path: '/idle1', idleTimeout: 1 })
export class IdleGateway1 extends IdleGateway8 {}

@Module({ providers: [DropGateway, CloseGateway, WaitGateway, IdleGateway8, IdleGateway1] })
export class LimitsModule {}
