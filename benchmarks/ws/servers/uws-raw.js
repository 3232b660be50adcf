'use strict';
// Raw uWebSockets.js pub/sub: the floor Armature's uWS gateway sits on.
const uws = require('@trufflesuite/uws-js-unofficial');
const { serve } = require('../lib/server-control');

let open = 0;
const app = uws.App();
app.ws('/ws', {
  idleTimeout: 0,
  maxBackpressure: 1024 * 1024,
  open: (ws) => {
    open++;
    ws.subscribe('all');
  },
  close: () => {
    open--;
  },
});
app.listen('127.0.0.1', Number(process.env.PORT), (socket) => {
  if (!socket) {
    console.error('uws-raw: could not listen');
    process.exit(1);
  }
  serve({ connections: () => open, broadcast: (_seq, message) => app.publish('all', message) });
});
