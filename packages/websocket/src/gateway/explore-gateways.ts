import type { ModuleRecord, Type } from '@armature/core';
import { gatewayMetadataOf } from '../decorators/web-socket-gateway.decorator';
import type { GatewayInstance } from './gateway-instance';

/** Every `@WebSocketGateway` singleton of the graph, each once, in module order. */
export function exploreGateways(modules: readonly ModuleRecord[]): GatewayInstance[] {
  const seen = new Set<object>();
  const found: GatewayInstance[] = [];
  for (const module of modules) {
    for (const instance of module.lifecycleTargets()) {
      if (seen.has(instance) || instance === module.instance) continue;
      const type = (instance as { constructor: Type }).constructor;
      const metadata = typeof type === 'function' ? gatewayMetadataOf(type) : undefined;
      if (metadata === undefined) continue;
      seen.add(instance);
      found.push({ instance, type, module, metadata });
    }
  }
  return found;
}

/** `{ path: '/chat' }`, `{ namespace: 'chat' }` → `/chat`; nothing → `/`. */
export function gatewayPath(gateway: GatewayInstance): string {
  const { path, namespace } = gateway.metadata.options;
  const raw = path ?? namespace ?? '/';
  const withSlash = raw.startsWith('/') ? raw : `/${raw}`;
  return withSlash.length > 1 && withSlash.endsWith('/') ? withSlash.slice(0, -1) : withSlash;
}
