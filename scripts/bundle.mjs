// The production entry point as a bundle (`npm run build`, after tsc): esbuild joins the compiled
// dist/main.js, our modules and the packages they import into a few minified files under
// dist/bundle/, one chunk per lazily imported module (each platform SDK stays in the chunk of its
// adapter, loaded only when that platform is configured). Loading the ~2,000 files of the two SDKs
// and our dependencies one by one was most of the bot's start-up: resolving, reading and compiling
// each module (see docs/deploy.md, "Start-up"). Then dist/main.js becomes a small module that
// turns on Node's compile cache where there is one and imports the bundle, so `node dist/main.js` (npm start, the tests, the benches) runs it; tsc's own
// main.js is kept as dist/main.unbundled.js, what `npm run bench:startup` compares against.
//
// Our modules find build/ and node_modules/ relative to their own file (import.meta.url): in the
// bundle each one's import.meta.url is rewritten to the URL of its compiled file in dist/, so paths
// resolve exactly as they do unbundled. What stays outside: the native better-sqlite3 (and pg's
// optional pg-native), loaded at run time by `require`, which the banner provides in every chunk.
// dist/bundle/meta.json is esbuild's metafile: which inputs each output file holds (read by the
// test that checks an SDK is only loaded when configured).
import { build } from 'esbuild';
import { existsSync, readdirSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join, relative, resolve } from 'node:path';

const DIST = resolve('dist');
const OUT = resolve(DIST, 'bundle');

/** Rewrites `import.meta.url` in our compiled modules to their own URL in dist/, relative to the bundle. */
const ownUrls = {
  name: 'own-import-meta-url',
  setup(b) {
    b.onLoad({ filter: /\/dist\/.*\.js$/ }, (args) => {
      if (!args.path.startsWith(`${DIST}/`)) return undefined; // a package's own dist/, not ours
      const source = readFileSync(args.path, 'utf8');
      if (!source.includes('import.meta.url')) return undefined;
      const own = `new URL(${JSON.stringify(relative(OUT, args.path))}, import.meta.url).href`;
      return { contents: source.replaceAll('import.meta.url', own), loader: 'js' };
    });
  },
};

// tsc's entry point moves aside first (once: running this again bundles the same code again).
const UNBUNDLED = resolve(DIST, 'main.unbundled.js');
if (!existsSync(UNBUNDLED)) renameSync(resolve(DIST, 'main.js'), UNBUNDLED);
// tr46 and whatwg-url (under botbuilder) require 'punycode', which Node resolves to its deprecated
// built-in; Node only warns about that (DEP0040) outside node_modules, so in the bundle it would
// warn on every start. The userland punycode package (installed beside them) is the same code.
const userlandPunycode = {
  name: 'userland-punycode',
  setup(b) {
    b.onResolve({ filter: /^punycode$/ }, () => ({ path: createRequire(import.meta.url).resolve('punycode/') }));
  },
};

// npm installs a package once per version it cannot hoist: four copies of mime-db 1.54.0 (under
// express, send, accepts, type-is) and four of zod 3.25.76 (under the botbuilder packages) sit
// beside the hoisted mime-db 1.52 and zod 4. Unbundled, Node loads only the copies it needs; in
// the bundle each copy is its own code, parsed and compiled on every start (655 kB of the bundle).
// Every import that lands in a nested copy goes to one copy of that name and version (the
// shortest path, then the first by name), the same files; that copy's own imports resolve from
// its place, which npm filled to satisfy the same ranges.
const nestedCopies = () => {
  /** @type {Map<string, string[]>} name -> package dirs holding it in a nested node_modules */
  const copies = new Map();
  const walk = (modules, depth) => {
    if (depth > 4 || !existsSync(modules)) return;
    for (const entry of readdirSync(modules)) {
      if (entry.startsWith('.')) continue;
      const names = entry.startsWith('@') ? readdirSync(join(modules, entry)).map((n) => `${entry}/${n}`) : [entry];
      for (const name of names) {
        const dir = join(modules, name);
        copies.set(name, [...(copies.get(name) ?? []), dir]);
        walk(join(dir, 'node_modules'), depth + 1);
      }
    }
  };
  walk(resolve('node_modules'), 0);
  return copies;
};
const version = (dir) => {
  try {
    return JSON.parse(readFileSync(join(dir, 'package.json'), 'utf8')).version;
  } catch {
    return undefined; // not a package root (a folder under a scope, a bin folder)
  }
};
const dedupePackages = {
  name: 'dedupe-packages',
  setup(b) {
    const copies = nestedCopies();
    /** @type {Map<string, string | undefined>} a package dir -> the dir of the copy used instead */
    const canonical = new Map();
    const canonicalOf = (dir, name) => {
      if (!canonical.has(dir)) {
        const v = version(dir);
        const same = (copies.get(name) ?? []).filter((d) => v !== undefined && version(d) === v);
        same.sort((x, y) => x.length - y.length || (x < y ? -1 : 1));
        canonical.set(dir, same[0] !== undefined && same[0] !== dir ? same[0] : undefined);
      }
      return canonical.get(dir);
    };
    b.onResolve({ filter: /^[^./]/ }, async (args) => {
      if (args.pluginData === dedupePackages) return undefined; // the resolve below
      const found = await b.resolve(args.path, { kind: args.kind, importer: args.importer, resolveDir: args.resolveDir, pluginData: dedupePackages });
      const m = /^(.*\/node_modules\/((?:@[^/]+\/)?[^/]+))\/(.*)$/.exec(found.path);
      if (found.errors.length > 0 || found.external || m === null) return undefined;
      const [, dir, name, inside] = m;
      const other = canonicalOf(dir, name);
      if (other === undefined || !existsSync(join(other, inside))) return undefined;
      return { path: join(other, inside), sideEffects: found.sideEffects };
    });
  },
};

const result = await build({
  entryPoints: { main: UNBUNDLED },
  outdir: OUT,
  bundle: true,
  splitting: true,
  format: 'esm',
  platform: 'node',
  target: 'node20',
  minify: true,
  keepNames: true,
  sourcemap: 'linked',
  external: ['better-sqlite3', 'pg-native'],
  banner: { js: "import { createRequire as __bundleRequire } from 'node:module'; const require = __bundleRequire(import.meta.url);" },
  plugins: [ownUrls, userlandPunycode, dedupePackages],
  metafile: true,
  logLevel: 'warning',
});
writeFileSync(resolve(OUT, 'meta.json'), JSON.stringify(result.metafile));
writeFileSync(resolve(DIST, 'main.js'), `// npm start: the bundled bot (scripts/bundle.mjs); tsc's own entry point is main.unbundled.js.
// On Node.js 22.1 and later, V8's compiled code for the bundle is kept between starts in
// build/compile-cache/ (inside the checkout, not a shared temporary folder), and a start after the
// first skips most compiling; on Node.js 20 there is no enableCompileCache and nothing changes.
import module from 'node:module';
import { fileURLToPath } from 'node:url';
module.enableCompileCache?.(fileURLToPath(new URL('../build/compile-cache/', import.meta.url)));
await import('./bundle/main.js');
`);
