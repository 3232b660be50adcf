export { Cors, cors, type CorsMiddleware } from './cors';
export type { CorsConfig } from './cors-config';
export type { OriginPredicate, OriginSetting } from './origin-rule';
