export { requestId } from './request-id';
export type { RequestIdOptions } from './request-id-options';
export { isSafeRequestId } from './safe-request-id';
