import { randomUUID } from 'node:crypto';
import { Redis, type RedisOptions } from 'ioredis';
import type { BroadcastBus, BroadcastEnvelope } from './broadcast-bus';
import { decodeEnvelope, encodeEnvelope } from './envelope-codec';

export interface RedisWsAdapterOptions {
  /** A `redis://` URL or ioredis options (default `redis://127.0.0.1:6379`). */
  redis?: string | RedisOptions;
  /** Your own clients instead: one to publish, one dedicated to subscribing. They are not closed by the adapter. */
  publisher?: Redis;
  subscriber?: Redis;
  /** Channels are `${channelPrefix}${gatewayPath}`. Default `armature:ws:`. */
  channelPrefix?: string;
}

/**
 * Rooms across instances on Redis pub/sub (NestJS's `RedisIoAdapter` idea): a broadcast is
 * delivered locally, then published once; every other instance delivers it to its own members.
 * `app.useWebSocketAdapter(new RedisWsAdapter({ redis: 'redis://...' }))`.
 */
export class RedisWsAdapter implements BroadcastBus {
  /** This instance's id in the envelopes (its own broadcasts come back through its subscription). */
  readonly origin = randomUUID();
  readonly channelPrefix: string;
  private publisher: Redis | undefined;
  private subscriber: Redis | undefined;
  private readonly ownsClients: boolean;
  private readonly pathsByChannel = new Map<string, string>();

  constructor(private readonly options: RedisWsAdapterOptions = {}) {
    this.channelPrefix = options.channelPrefix ?? 'armature:ws:';
    this.ownsClients = options.publisher === undefined;
    if ((options.publisher === undefined) !== (options.subscriber === undefined)) throw new Error('RedisWsAdapter: give both publisher and subscriber, or neither');
  }

  async start(paths: readonly string[], deliver: (envelope: BroadcastEnvelope) => void): Promise<void> {
    const publisher = (this.publisher = this.options.publisher ?? connect(this.options.redis));
    const subscriber = (this.subscriber = this.options.subscriber ?? connect(this.options.redis));
    for (const path of paths) this.pathsByChannel.set(`${this.channelPrefix}${path}`, path);
    subscriber.on('messageBuffer', (channel: Buffer, message: Buffer) => {
      const path = this.pathsByChannel.get(channel.toString('utf8'));
      if (path === undefined) return;
      const envelope = decodeEnvelope(path, message, this.origin);
      if (envelope !== undefined) deliver(envelope);
    });
    await Promise.all([publisher.ping(), subscriber.subscribe(...this.pathsByChannel.keys())]);
  }

  publish(envelope: BroadcastEnvelope): void {
    // Fire and forget, as socket.io's adapter: a broadcast lost while Redis is down is not retried.
    this.publisher?.publish(`${this.channelPrefix}${envelope.path}`, encodeEnvelope(this.origin, envelope)).catch(() => undefined);
  }

  async close(): Promise<void> {
    const { publisher, subscriber } = this;
    this.publisher = this.subscriber = undefined;
    if (subscriber !== undefined) await subscriber.unsubscribe(...this.pathsByChannel.keys()).catch(() => undefined);
    if (this.ownsClients) await Promise.all([publisher?.quit(), subscriber?.quit()].map((p) => p?.catch(() => undefined)));
  }
}

function connect(redis: string | RedisOptions | undefined): Redis {
  const options: RedisOptions = { lazyConnect: false, maxRetriesPerRequest: 3 };
  return typeof redis === 'string' ? new Redis(redis, options) : new Redis({ host: '127.0.0.1', port: 6379, ...options, ...redis });
}
