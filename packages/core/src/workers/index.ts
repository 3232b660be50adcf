export { serveWithWorkers } from './serve-with-workers';
export type { ServeInWorker, WorkerLocalServer, WorkerServeSpec, WorkerServer, WorkerTarget } from './worker-server';
export type { RestartOptions, WorkerCount, WorkerKind, WorkersOptions } from './worker-options';
export { currentWorker, type WorkerIdentity } from './worker-identity';
export { WorkerPoolServer } from './pool-server';
export type { ApplicationListenOptions } from './listen-arguments';
