'use strict';
// Summaries across rounds. Medians, not means: one disturbed round (another
// process waking on the box) should not move the reported figure.

function median(values) {
  const sorted = values.filter((v) => Number.isFinite(v)).sort((a, b) => a - b);
  if (sorted.length === 0) return null;
  const mid = sorted.length >> 1;
  return sorted.length % 2 ? sorted[mid] : (sorted[mid - 1] + sorted[mid]) / 2;
}

/** (max - min) / median: how far apart the rounds were, as a fraction. */
function spread(values) {
  const finite = values.filter((v) => Number.isFinite(v));
  if (finite.length < 2) return null;
  const m = median(finite);
  if (!m) return null;
  return (Math.max(...finite) - Math.min(...finite)) / m;
}

module.exports = { median, spread };
