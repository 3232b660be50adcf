import {
  ArmatureRequest,
  errorBodyOf,
  errorJson,
  ExecutionContextHost,
  HttpException,
  Logger,
  type CanActivate,
  type Type,
  type WebSocketUpgradeRequest,
  type WebSocketUpgradeResult,
} from '@armature/core';
import { firstValueFrom, isObservable, type Observable } from 'rxjs';
import type { ClientSlot } from '../server/ws-client';

type UpgradeDecision = WebSocketUpgradeResult<ClientSlot> | Promise<WebSocketUpgradeResult<ClientSlot>>;

const logger = new Logger('WsUpgrade');

/** Stands for "the upgrade" where guards read handler metadata (`context.getHandler()`). */
export function upgradeHandlerOf(gateway: Type): Function {
  const own = (gateway.prototype as { handleUpgrade?: unknown }).handleUpgrade;
  return typeof own === 'function' ? own : gateway;
}

/**
 * The upgrade step of a gateway path. The request becomes an `ArmatureRequest` (headers, query, ip),
 * so HTTP guards (an auth guard reading `authorization`) work unchanged through
 * `context.switchToHttp().getRequest()`. Without guards the upgrade is accepted synchronously.
 */
export function createUpgradeStep(guards: readonly CanActivate[], gateway: Type, handler: Function): (upgrade: WebSocketUpgradeRequest) => UpgradeDecision {
  return (upgrade) => {
    const request = new ArmatureRequest('GET', upgrade.path, upgrade.query, upgrade.headers, {});
    request.ip = upgrade.remoteAddress;
    const slot: ClientSlot = { request, client: undefined };
    if (guards.length === 0) return { accept: true, data: slot };
    return runGuards(guards, new ExecutionContextHost([request, undefined, undefined], gateway, handler as (...args: unknown[]) => unknown), slot);
  };
}

async function runGuards(guards: readonly CanActivate[], context: ExecutionContextHost, slot: ClientSlot): Promise<WebSocketUpgradeResult<ClientSlot>> {
  try {
    for (const guard of guards) {
      if (!(await asPromise(guard.canActivate(context)))) return { accept: false, status: 403, body: errorJson(403, 'Forbidden resource') };
    }
    return { accept: true, data: slot };
  } catch (error) {
    if (error instanceof HttpException) return { accept: false, status: error.getStatus(), body: JSON.stringify(errorBodyOf(error)) };
    logger.error(`Upgrade guard failed for ${slot.request.path}`, error instanceof Error ? error.stack : String(error));
    return { accept: false, status: 500, body: JSON.stringify({ statusCode: 500, message: 'Internal server error' }) };
  }
}

function asPromise(value: boolean | Promise<boolean> | Observable<boolean>): Promise<boolean> {
  return isObservable(value) ? firstValueFrom(value, { defaultValue: false }) : Promise.resolve(value);
}
