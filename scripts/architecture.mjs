#!/usr/bin/env node
/**
 * The layout's numbers, reproducible: `node scripts/architecture.mjs [--json]`. Reads the
 * relative import statements of src/ (type-only imports included: a cycle of types is still a
 * cycle for a reader) and prints, per adapter, its files and import levels (a file that imports
 * nothing of its folder is level 1); the import cycles in src/; upward imports (src/core or
 * src/adapters importing src/cli); and the lines outside an adapter and the wiring that name a
 * platform ('slack' / 'teams' as a word, or a `slack:` / `teams:` key). Comments are skipped.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';

const ROOT = resolve(import.meta.dirname, '..');
const SRC = join(ROOT, 'src');
/** Where naming a platform is the point: the adapters, the wiring that lists them, and configuration. */
const MAY_NAME_PLATFORMS = [/^src\/adapters\//, /^src\/app\//, /^src\/wiring\.ts$/, /^src\/main\.ts$/, /^src\/config\.ts$/, /^src\/cli\//];

function files(dir) {
  return readdirSync(dir, { withFileTypes: true }).flatMap((d) => (d.isDirectory() ? files(join(dir, d.name)) : d.name.endsWith('.ts') ? [join(dir, d.name)] : []));
}

/** The source without comments (strings kept: an import path is one). */
function code(text) {
  return text.replace(/\/\*[\s\S]*?\*\//g, '').replace(/(^|[^:'"`])\/\/.*$/gm, '$1');
}

const all = files(SRC).map((f) => relative(ROOT, f));
const imports = new Map(
  all.map((f) => {
    const text = code(readFileSync(join(ROOT, f), 'utf8'));
    const targets = [...text.matchAll(/(?:import|export)\s[^'"]*?from\s*['"](\.[^'"]+)['"]/g)].map((m) =>
      relative(ROOT, resolve(ROOT, dirname(f), m[1])).replace(/\.js$/, '.ts'),
    );
    return [f, [...new Set(targets.filter((t) => all.includes(t)))]];
  }),
);

function levels(group) {
  const inGroup = new Set(group);
  const memo = new Map();
  const level = (f, stack = new Set()) => {
    if (memo.has(f)) return memo.get(f);
    if (stack.has(f)) return 0;
    stack.add(f);
    const deps = imports.get(f).filter((t) => inGroup.has(t));
    const l = 1 + Math.max(0, ...deps.map((d) => level(d, stack)));
    stack.delete(f);
    memo.set(f, l);
    return l;
  };
  return Math.max(0, ...group.map((f) => level(f)));
}

/** Strongly connected components of more than one file (Tarjan). */
function cycles() {
  let index = 0;
  const idx = new Map();
  const low = new Map();
  const stack = [];
  const on = new Set();
  const found = [];
  const visit = (v) => {
    idx.set(v, index);
    low.set(v, index++);
    stack.push(v);
    on.add(v);
    for (const w of imports.get(v)) {
      if (!idx.has(w)) {
        visit(w);
        low.set(v, Math.min(low.get(v), low.get(w)));
      } else if (on.has(w)) low.set(v, Math.min(low.get(v), idx.get(w)));
    }
    if (low.get(v) === idx.get(v)) {
      const scc = [];
      let w;
      do {
        w = stack.pop();
        on.delete(w);
        scc.push(w);
      } while (w !== v);
      if (scc.length > 1) found.push(scc.sort());
    }
  };
  for (const f of all) if (!idx.has(f)) visit(f);
  return found;
}

// An adapter is a folder of src/adapters (a file beside them, such as profiles.ts, is shared by them).
const adapters = [...new Set(all.filter((f) => f.startsWith('src/adapters/') && f.split('/').length > 3).map((f) => f.split('/')[2]))].sort();
const perAdapter = Object.fromEntries(
  adapters.map((a) => {
    const group = all.filter((f) => f.startsWith(`src/adapters/${a}/`));
    return [a, { files: group.length, levels: levels(group) }];
  }),
);
const upward = [...imports].flatMap(([f, ts]) => (/^src\/(core|adapters)\//.test(f) ? ts.filter((t) => t.startsWith('src/cli/')).map((t) => `${f} -> ${t}`) : []));
const naming = all
  .filter((f) => !MAY_NAME_PLATFORMS.some((r) => r.test(f)))
  .flatMap((f) =>
    code(readFileSync(join(ROOT, f), 'utf8'))
      .split('\n')
      .flatMap((line, i) => (/\b(slack|teams)\b/i.test(line) ? [`${f}:${i + 1}: ${line.trim().slice(0, 120)}`] : [])),
  );
const report = { adapters: perAdapter, cycles: cycles(), upwardImports: upward, platformNamedOutsideAdapters: naming };

if (process.argv.includes('--json')) {
  process.stdout.write(`${JSON.stringify(report, null, 2)}\n`);
} else {
  for (const [a, n] of Object.entries(perAdapter)) process.stdout.write(`adapter ${a}: ${n.files} files, ${n.levels} import levels\n`);
  process.stdout.write(`import cycles: ${report.cycles.length}\n${report.cycles.map((c) => `  ${c.join(' <-> ')}\n`).join('')}`);
  process.stdout.write(`upward imports (core/adapters -> cli): ${upward.length}\n${upward.map((u) => `  ${u}\n`).join('')}`);
  process.stdout.write(`lines naming a platform outside the adapters and the wiring: ${naming.length}\n${naming.map((n) => `  ${n}\n`).join('')}`);
}
