'use strict';
// Loads uWebSockets.js and refuses the package's pure-JS fallback shim, which
// it picks silently when no native binary matches this Node ABI: measuring the
// shim as "raw uWS" would make every ratio in the report meaningless.
const uWS = require('@trufflesuite/uws-js-unofficial');

if (typeof uWS.getParts !== 'function') {
  console.error(
    `uWS native binary did not load on Node ${process.version} (ABI ${process.versions.modules}); ` +
      'the JS fallback is not a benchmark baseline. Use Node 16/18/20 on linux x64.',
  );
  process.exit(70);
}

module.exports = uWS;
