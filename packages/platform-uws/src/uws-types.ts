import type { HttpRequest, HttpResponse, TemplatedApp, us_listen_socket } from '@trufflesuite/uws-js-unofficial';

export type { HttpResponse, us_listen_socket };

/**
 * uWS's request, as this adapter reads it. `getCaseSensitiveMethod` is optional because older
 * builds only have `getMethod()` (lower case).
 */
export type UwsRequest = Omit<HttpRequest, 'getCaseSensitiveMethod'> & {
  getCaseSensitiveMethod?(): string;
};

/** `close()` exists in this build (it closes listen sockets and every connection) but is missing from its typings. */
export interface UwsApp extends TemplatedApp {
  close(): void;
}

/** The part of the native module this adapter uses. */
export interface UwsModule {
  App(): TemplatedApp;
  us_listen_socket_close(listenSocket: us_listen_socket): void;
  us_socket_local_port(listenSocket: us_listen_socket): number;
}
