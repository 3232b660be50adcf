#!/usr/bin/env node
'use strict';
// Bundles the runtime packages' CommonJS builds (tsc's dist/, one file per source file) into one
// file each, dist/bundle.js, which their package.json `main` points at. Loading @armature/core
// meant resolving, statting, reading and wrapping ~270 files at every start: one file instead cuts
// its require time by about a third (see docs/performance.md, "Boot"). Dependencies stay outside
// the bundle (required as before, several only on first use). The source map chains to tsc's
// maps, so stack traces still lead to the TypeScript sources with --enable-source-maps.
//
// Names: error messages and route listings print class and function names. The inputs are
// CommonJS, so esbuild wraps each file in its own function and renames no declaration, except
// that a class whose static block names the class itself becomes `var X = class _X {...}`, whose
// `.name` is "_X": `restoreClassNames` gives such classes their own name back. esbuild's keepNames
// is not used: it wraps every function in a `__name()` call, which would then run for every
// closure made per request. `checkNames` fails the build if any declaration is still renamed.
const fs = require('node:fs');
const path = require('node:path');
const esbuild = require('esbuild');

const PACKAGES = ['core', 'platform-uws', 'platform-node'];

const declaredNames = (code) => [...code.matchAll(/(?:class|function)\s+(?!extends\b)([A-Za-z_$][\w$]*)/g)].map((match) => match[1]);

/**
 * `var Logger = class _Logger {` → `var Logger = class Logger {`, and `_Logger` → `Logger` inside it:
 * within its own body a named class expression binds its name to itself, which is what the inner
 * references meant. (Columns after each rename shift by one in the source map.)
 */
function restoreClassNames(code) {
  for (const [, outer] of [...code.matchAll(/var (\w+) = class _\1\b/g)]) {
    code = code.replace(new RegExp(`\\b_${outer}\\b`, 'g'), outer);
  }
  return code;
}

/** Every class and function declared in the bundle must carry a name declared in tsc's output. */
function checkNames(name, dist, bundle) {
  const original = new Set();
  const walk = (dir) => {
    for (const entry of fs.readdirSync(dir, { withFileTypes: true })) {
      const file = path.join(dir, entry.name);
      if (entry.isDirectory()) walk(file);
      else if (entry.name.endsWith('.js') && entry.name !== 'bundle.js') declaredNames(fs.readFileSync(file, 'utf8')).forEach((n) => original.add(n));
    }
  };
  walk(dist);
  // `__require` and the like are esbuild's own helpers.
  const renamed = [...new Set(declaredNames(bundle).filter((n) => !original.has(n) && !n.startsWith('__')))];
  if (renamed.length > 0) throw new Error(`${name}: esbuild renamed ${renamed.join(', ')}; their .name would differ from the sources`);
}
const packagesDir = path.join(__dirname, '..', 'packages');

for (const name of PACKAGES) {
  const dist = path.join(packagesDir, name, 'dist');
  const entry = path.join(dist, 'index.js');
  if (!fs.existsSync(entry)) continue;
  const outfile = path.join(dist, 'bundle.js');
  const result = esbuild.buildSync({
    entryPoints: [entry],
    outfile,
    bundle: true,
    platform: 'node',
    format: 'cjs',
    target: 'node18',
    packages: 'external',
    sourcemap: 'linked',
    logLevel: 'silent',
    metafile: true,
  });
  for (const warning of result.warnings) {
    // Dynamic `require(name)` of optional packages is intended: they resolve at run time.
    if (!/will not be bundled/.test(warning.text)) console.warn(`${name}: ${warning.text}`);
  }
  const bundle = restoreClassNames(fs.readFileSync(outfile, 'utf8'));
  fs.writeFileSync(outfile, bundle);
  checkNames(name, dist, bundle);
  const inputs = Object.keys(result.metafile.inputs).length;
  console.log(`${name}: dist/bundle.js from ${inputs} files (${Math.round(fs.statSync(outfile).size / 1024)} KiB)`);
}
