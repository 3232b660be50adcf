import type { ModuleRecord, Type } from '@armature/core';
import type { GatewayMetadata } from '../interfaces/gateway-options';

/** A gateway provider found in the module graph. */
export interface GatewayInstance {
  readonly instance: object;
  readonly type: Type;
  readonly module: ModuleRecord;
  readonly metadata: GatewayMetadata;
}
