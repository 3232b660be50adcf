export { UwsAdapter, type UwsAdapterOptions } from './uws-adapter';
export { uwsAvailability, UwsUnavailableError, type UwsAvailability } from './load-uws';
export { UwsServerFacade, type BoundAddress } from './server-facade';
