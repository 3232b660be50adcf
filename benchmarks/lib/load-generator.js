'use strict';
// Picks the load generator: wrk (C, one thread does ~300k pipelined req/s
// here) when installed, autocannon otherwise, with a loud note that
// autocannon's numbers are not comparable to wrk's.
const { runWrk, wrkVersion } = require('./wrk');
const { runAutocannon, autocannonVersion } = require('./autocannon');

const INSTALL_WRK = 'apt-get update && apt-get install -y wrk   (Debian/Ubuntu; as root)';

function chooseLoadGenerator({ allowAutocannon = true } = {}) {
  const wrk = wrkVersion();
  if (wrk) return { name: 'wrk', version: wrk, run: runWrk };

  const message = `bench: wrk is not installed. Install it with:\n    ${INSTALL_WRK}`;
  const ac = allowAutocannon ? autocannonVersion() : null;
  if (!ac) throw new Error(`${message}\n(autocannon fallback not available either)`);
  console.warn(
    `${message}\nbench: falling back to autocannon ${ac}. It needs far more CPU per request than wrk,\n` +
      'bench: so it caps req/s well below the fast servers; compare CPU/request only, and not with wrk runs.',
  );
  return { name: 'autocannon', version: ac, run: runAutocannon };
}

module.exports = { chooseLoadGenerator, INSTALL_WRK };
