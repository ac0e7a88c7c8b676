/**
 * A strict reader of the Prometheus text exposition format (version 0.0.4), written from the
 * format's description rather than from prom-client, so a test of /metrics does not check the
 * library against itself: every line must be a `# HELP`, a `# TYPE` or a sample
 * `name{label="value",...} value`; a family's samples follow its TYPE; a histogram's buckets are
 * cumulative and its `+Inf` bucket equals its `_count`. Throws naming the offending line.
 */

export interface Sample {
  readonly name: string;
  readonly labels: Readonly<Record<string, string>>;
  readonly value: number;
}

export interface Family {
  readonly name: string;
  readonly type: 'counter' | 'gauge' | 'histogram' | 'summary' | 'untyped';
  readonly help: string;
  readonly samples: Sample[];
}

const NAME = '[a-zA-Z_:][a-zA-Z0-9_:]*';
const LABEL = '[a-zA-Z_][a-zA-Z0-9_]*';
const VALUE = '(?:[+-]?(?:\\d+\\.?\\d*(?:[eE][+-]?\\d+)?|\\.\\d+(?:[eE][+-]?\\d+)?)|[+-]?Inf|NaN)';
const SAMPLE = new RegExp(`^(${NAME})(?:\\{((?:${LABEL}="(?:[^"\\\\\\n]|\\\\[\\\\"n])*",?)*)\\})? (${VALUE})(?: -?\\d+)?$`);
const LABEL_PAIR = new RegExp(`(${LABEL})="((?:[^"\\\\\\n]|\\\\[\\\\"n])*)"`, 'g');
const TYPES = new Set(['counter', 'gauge', 'histogram', 'summary', 'untyped']);
const SUFFIXES: Readonly<Record<string, readonly string[]>> = { histogram: ['_bucket', '_sum', '_count'], summary: ['', '_sum', '_count'] };

const toNumber = (v: string): number => (v.endsWith('Inf') ? (v.startsWith('-') ? -Infinity : Infinity) : Number(v));

const HELP = new RegExp(`^# HELP (${NAME}) (.*)$`);
const TYPE = new RegExp(`^# TYPE (${NAME}) (\\w+)$`);

/** Parses `text` into metric families by name; throws on any line that is not the format. */
export function parsePrometheusText(text: string): Map<string, Family> {
  const families = new Map<string, Family>();
  const lines = text.split('\n');
  if (lines.at(-1) !== '') throw new Error('the exposition must end with a newline');
  let current: Family | undefined;
  for (const [i, line] of lines.slice(0, -1).entries()) current = readLine(families, current, line, `line ${i + 1}: ${line}`);
  for (const family of families.values()) if (family.type === 'histogram') checkHistogram(family);
  return families;
}

/** One line: a HELP opens a family, its TYPE follows, samples fill it; returns the family now open. */
function readLine(families: Map<string, Family>, current: Family | undefined, line: string, where: string): Family | undefined {
  if (line.startsWith('# HELP ') || line.startsWith('# TYPE ')) return readHeader(families, current, line, where);
  if (line.startsWith('#') || line === '') return current; // a comment or a blank line
  const sample = SAMPLE.exec(line);
  if (!sample?.[1] || sample[3] === undefined) throw new Error(`not a sample, ${where}`);
  if (!current || !belongsTo(sample[1], current)) throw new Error(`sample outside its family, ${where}`);
  const labels = Object.fromEntries([...(sample[2] ?? '').matchAll(LABEL_PAIR)].map((m) => [m[1] ?? '', m[2] ?? '']));
  current.samples.push({ name: sample[1], labels, value: toNumber(sample[3]) });
  return current;
}

/** `# HELP name text` opens a family; `# TYPE name type` must follow it before any sample. */
function readHeader(families: Map<string, Family>, current: Family | undefined, line: string, where: string): Family {
  const help = HELP.exec(line);
  if (help?.[1] !== undefined) {
    if (families.has(help[1])) throw new Error(`family declared twice, ${where}`);
    const family: Family = { name: help[1], type: 'untyped', help: help[2] ?? '', samples: [] };
    families.set(help[1], family);
    return family;
  }
  const type = TYPE.exec(line);
  if (type?.[1] === undefined || type[2] === undefined || !TYPES.has(type[2])) throw new Error(`malformed TYPE, ${where}`);
  if (current?.name !== type[1] || current.samples.length > 0) throw new Error(`TYPE out of place, ${where}`);
  const typed: Family = { ...current, type: type[2] as Family['type'] };
  families.set(type[1], typed);
  return typed;
}

function belongsTo(sampleName: string, family: Family): boolean {
  const suffixes = SUFFIXES[family.type] ?? [''];
  return suffixes.some((s) => sampleName === `${family.name}${s}`);
}

/** Buckets cumulative per label set, `le="+Inf"` present and equal to `_count`. */
function checkHistogram(family: Family): void {
  const series = new Map<string, { buckets: number[]; inf?: number; count?: number }>();
  const keyOf = (labels: Readonly<Record<string, string>>): string => JSON.stringify(Object.entries(labels).filter(([k]) => k !== 'le').sort());
  for (const s of family.samples) {
    const entry = series.get(keyOf(s.labels)) ?? { buckets: [] };
    series.set(keyOf(s.labels), entry);
    if (s.name.endsWith('_bucket')) {
      if (s.labels['le'] === undefined) throw new Error(`${family.name}: a bucket without le`);
      if (s.labels['le'] === '+Inf') entry.inf = s.value;
      entry.buckets.push(s.value);
    } else if (s.name.endsWith('_count')) entry.count = s.value;
  }
  for (const [key, { buckets, inf, count }] of series) {
    if (buckets.some((v, i) => i > 0 && v < (buckets[i - 1] ?? 0))) throw new Error(`${family.name} ${key}: buckets are not cumulative`);
    if (inf === undefined || inf !== count) throw new Error(`${family.name} ${key}: +Inf bucket ${inf} differs from _count ${count}`);
  }
}

/** The sum of the samples of `name` whose labels include `labels` (0 when there are none). */
export function sampleValue(families: Map<string, Family>, family: string, name: string, labels: Readonly<Record<string, string>> = {}): number {
  const matches = families.get(family)?.samples.filter((s) => s.name === name && Object.entries(labels).every(([k, v]) => s.labels[k] === v)) ?? [];
  return matches.reduce((sum, s) => sum + s.value, 0);
}
