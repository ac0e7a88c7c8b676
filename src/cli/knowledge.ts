/**
 * Curator commands: `validate` (schema and cross-checks, exit 1 on any problem), `coverage`
 * (which entries cite each paragraph; uncovered ones flagged) and `export` (the normalised set as
 * one JSON document on stdout, for tools).
 */
import { config as readDotenv } from 'dotenv';
import { KnowledgeError } from '../core/errors.js';
import { loadKnowledge } from '../core/knowledge/load.js';
import { coverageReport, exportKnowledge, formatCoverage, formatLanguageCoverage } from '../core/knowledge/report.js';
import { loadConfig } from '../config.js';
import { fail } from './common.js';

const USAGE = `Usage: npm run knowledge -- <command>
  validate   check every knowledge file; exit 1 and list each problem with file and entry
  coverage   list each paragraph with the entries citing it; flag uncovered paragraphs;
             then entries, phrasings and topic titles per language (en, fr, de)
  export     print the whole normalised set as one JSON document (use npm run --silent)`;

function main(argv: readonly string[]): number {
  const command = argv[0];
  if (command === undefined || command === 'help' || command === '--help') {
    process.stdout.write(`${USAGE}\n`);
    return command === undefined ? 1 : 0;
  }
  if (!['validate', 'coverage', 'export'].includes(command)) {
    process.stderr.write(`Unknown command "${command}".\n${USAGE}\n`);
    return 1;
  }
  readDotenv({ quiet: true });
  const config = loadConfig();
  let knowledge;
  try {
    knowledge = loadKnowledge(config.knowledgeDir, config.paperUrl ? { paperUrl: config.paperUrl } : {});
  } catch (error) {
    if (!(error instanceof KnowledgeError)) throw error;
    process.stderr.write(`${error.message}\n`);
    return 1;
  }
  if (command === 'validate') {
    const cov = coverageReport(knowledge);
    process.stdout.write(
      `Knowledge set is valid: ${knowledge.entries.length} entries, ${knowledge.paragraphs.length} paragraphs ` +
        `(${cov.uncovered.length} not cited), ${knowledge.topics.length} topics.\n${formatLanguageCoverage(knowledge)}\n`,
    );
  } else if (command === 'coverage') {
    process.stdout.write(`${formatCoverage(coverageReport(knowledge))}\nLanguages:\n${formatLanguageCoverage(knowledge)}\n`);
  } else {
    process.stdout.write(`${JSON.stringify(exportKnowledge(knowledge), null, 2)}\n`);
  }
  return 0;
}

try {
  process.exitCode = main(process.argv.slice(2));
} catch (error) {
  fail(error);
}
