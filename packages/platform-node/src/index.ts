export { NodeAdapter, type NodeAdapterOptions } from './node-adapter';
// The request side on its own, for servers created elsewhere (an http2 compat server, a custom https one).
export { NodeRequestDispatcher } from './request-dispatcher';
export { NodeExchange, type ExchangeContext } from './node-exchange';
