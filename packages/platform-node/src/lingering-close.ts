import type { Socket } from 'node:net';

/**
 * Closing a socket while request bytes are still unread makes the kernel answer with a RST, and a RST
 * can discard the response we just wrote before the client reads it (the classic "413 arrives as
 * ECONNRESET"). So we close like nginx's lingering close: send our FIN, keep reading (and dropping)
 * what the client still sends, and destroy only once the client closes too or `timeoutMs` passed.
 */
export function endAndLinger(socket: Socket, timeoutMs: number): void {
  if (socket.destroyed) return;
  socket.end();
  const timer = setTimeout(destroySocket, timeoutMs, socket);
  timer.unref();
  socket.once('close', () => clearTimeout(timer));
}

/**
 * Makes node's own end-of-response close (`destroySoon`, called once a `Connection: close` response
 * finished) linger instead of destroying as soon as our FIN is flushed. The override lives on this one
 * socket, which is closing anyway.
 */
export function lingerWhenNodeCloses(socket: Socket, timeoutMs: number): void {
  socket.destroySoon = function lingeringDestroySoon(this: Socket): void {
    endAndLinger(this, timeoutMs);
  };
}

function destroySocket(socket: Socket): void {
  socket.destroy();
}
