/**
 * The Teams JSON schemas bundled in @microsoft/app-manifest, read from disk (never fetched), for
 * the manifest tests: the newest manifest schema version, the manifest schema, and validation of a
 * localisation file against the Localization schema of the same version.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { AppManifestUtils } from '@microsoft/app-manifest';

type Validated = Parameters<typeof AppManifestUtils.validateAgainstSchema>[0];
export type Schema = NonNullable<Parameters<typeof AppManifestUtils.validateAgainstSchema>[1]>;

/** The newest Teams schema bundled in @microsoft/app-manifest, e.g. "1.30". */
export function newestBundledSchema(): string {
  const root = dirname(createRequire(import.meta.url).resolve('@microsoft/app-manifest/package.json'));
  const versions = readdirSync(join(root, 'build', 'json-schemas', 'teams')).flatMap((d) => (/^v1\.\d+$/.test(d) ? [d.slice(1)] : []));
  return versions.sort((a, b) => Number(a.split('.')[1]) - Number(b.split('.')[1])).at(-1) ?? '';
}

function officialSchemaText(version: string, file: string): string {
  const root = dirname(createRequire(import.meta.url).resolve('@microsoft/app-manifest/package.json'));
  return readFileSync(join(root, 'build', 'json-schemas', 'teams', `v${version}`, file), 'utf8');
}

export function officialSchema(version: string): Schema {
  // The library's own schema file, typed by the library's own signature.
  const schema: Schema = JSON.parse(officialSchemaText(version, 'MicrosoftTeams.schema.json'));
  return schema;
}

/** The upstream typo in the Localization schema: `…12[0-7])\b]\.description$` (MicrosoftDocs/msteams-docs#8858). */
const LONE_BRACKET = String.raw`\\b]\\.`;

/**
 * The bundled Localization schema, repaired in one place only: its two `activities.activityTypes`
 * key patterns end the index with an unescaped `]`, a literal for .NET and for JavaScript without
 * the `u` flag, but a syntax error under the `u` flag ajv compiles patterns with. Escaping it keeps
 * the meaning, and a different count throws, so a change to the bundled file is seen.
 */
function localizationSchema(version: string): Schema {
  const text = officialSchemaText(version, 'MicrosoftTeams.Localization.schema.json');
  const found = text.split(LONE_BRACKET).length - 1;
  if (found !== 2) throw new Error(`expected the Localization schema v${version} to have 2 patterns with a lone "]", found ${found}: look at the bundled file again`);
  const schema: Schema = JSON.parse(text.replaceAll(LONE_BRACKET, String.raw`\\b\\]\\.`));
  return schema;
}

/**
 * Errors of a localisation file against the bundled Localization schema of `version`.
 * The library's validator is typed for manifests, but it checks any JSON against the schema it is
 * given (ajv, draft-04), which is what a localisation file needs.
 */
export function localizationErrors(json: string, version: string = newestBundledSchema()): Promise<string[]> {
  const doc: Validated = JSON.parse(json);
  return AppManifestUtils.validateAgainstSchema(doc, localizationSchema(version));
}
