export * from './logger';
export * from './request-id';
export * from './security-headers';
export * from './timeout';
export * from './rate-limit';
export * from './cors';
export * from './compression';
export * from './serve-static';
