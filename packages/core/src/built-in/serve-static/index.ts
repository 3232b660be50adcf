export { serveStatic } from './serve-static';
export type { ServeStaticOptions } from './serve-static-options';
