// `npm run build`'s knowledge step: every *.yaml under knowledge/ parsed once, its parse written as
// JSON to build/knowledge-cache/<sha256 of the YAML text>.json, which the loader reads instead of
// parsing the YAML at start-up (src/core/knowledge/yamlCache.ts). The folder is emptied first, so
// parses of old texts do not pile up. Usage: node scripts/knowledge-cache.mjs [KNOWLEDGE_DIR [OUT]].
import { createHash } from 'node:crypto';
import { mkdirSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { parse } from 'yaml';

const [source = 'knowledge', out = join('build', 'knowledge-cache')] = process.argv.slice(2);

/** Every YAML file under `dir`. */
function yamlFiles(dir) {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) return yamlFiles(path);
    return /\.ya?ml$/.test(name) ? [path] : [];
  });
}

const started = performance.now();
rmSync(out, { recursive: true, force: true });
mkdirSync(out, { recursive: true });
let written = 0;
for (const file of yamlFiles(source)) {
  const text = readFileSync(file, 'utf8');
  let value;
  try {
    value = parse(text);
  } catch {
    continue; // invalid YAML is reported by the loader, with its file, at start-up
  }
  writeFileSync(join(out, `${createHash('sha256').update(text).digest('hex')}.json`), JSON.stringify(value));
  written++;
}
writeFileSync(join(out, 'manifest.json'), JSON.stringify({ source, files: written }));
process.stderr.write(`eu-china-bot: ${written} knowledge files parsed into ${out}/ in ${Math.round(performance.now() - started)} ms\n`);
