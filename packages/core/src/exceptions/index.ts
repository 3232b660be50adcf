export * from './http-status';
export * from './http-exception';
export * from './http-exceptions';
