// Shared by the report tests: rendering real inputs in-process, golden files, and reading the
// Markdown tables of a document (the seed's and ours) as cells.
import assert from 'node:assert/strict';
import { existsSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { composeDocument } from '../../src/cli/report.js';
import type { ReportOptions } from '../../src/report/index.js';
import { splitRow } from '../../src/report/markdown.js';
import { repoRoot, sharedData } from '../helpers/cli.js';

export { repoRoot, sharedData };
export const goldenDir = path.join(path.dirname(fileURLToPath(import.meta.url)), 'golden');
/** The seed's documents with their tables (a copy of ../shared/seeds/000_541605f29b1478bf.txt), compared cell by cell. */
export const seedFile = path.join(path.dirname(fileURLToPath(import.meta.url)), 'fixtures', 'seed-000_541605f29b1478bf.txt');

/** `document`: the file name the document is written as, which its figure links are relative to (none without). */
export function render(files: string[], options: Omit<ReportOptions, 'inputs'> = {}, document?: string) {
  const figures = document ? { document } : undefined;
  return composeDocument({ inputs: files.map((p) => ({ path: path.resolve(repoRoot, p) })), root: repoRoot, ...options, figures });
}

/** The two seed datasets and the peer's warm pair, as `owbench docs` and the README render them. */
export const SEED_SWEEP_OPTIONS = {
  template: 'sweep',
  baseline: 'vanilla docker',
  labels: { wasm: 'WASM', 'vanilla docker': 'Docker' },
  title: 'OpenWhisk Mobilenet Cold Start Performance: WASM vs Docker (Blackbox)',
} as const;
export const SEED_PAIR_OPTIONS = { template: 'pair', title: 'Analysis of Two `cold-start-test-mobilenet` Runs' } as const;
export const WARM_FILES = [
  path.join(sharedData, 'input_vanilla_prewarmed.json'),
  path.join(sharedData, 'input_wasm_prewarmed.json'),
];
export const WARM_OPTIONS = {
  labels: { blackbox: 'Vanilla', 'wasm:0.1': 'WASM' },
  title: 'Analysis of OpenWhisk Mobilenet Model Performance: Prewarmed Vanilla vs Prewarmed WASM',
};

/**
 * observablehq/framework's golden files: a missing expected file is written (never under
 * CI=true); a mismatch writes a git-ignored `*-changed.md` beside it to diff.
 */
export function assertGolden(name: string, actual: string): void {
  const expectedPath = path.join(goldenDir, name);
  const changedPath = expectedPath.replace(/(\.[^.]+)$/, '-changed$1');
  if (!existsSync(expectedPath)) {
    if (process.env.CI === 'true') assert.fail(`golden file ${name} is missing (not generated under CI=true)`);
    writeFileSync(expectedPath, actual);
    return;
  }
  const expected = readFileSync(expectedPath, 'utf8');
  if (expected === actual) {
    rmSync(changedPath, { force: true });
    return;
  }
  writeFileSync(changedPath, actual);
  assert.fail(`${name} differs from its golden file: see ${path.relative(repoRoot, changedPath)}`);
}

/** The Markdown table whose header row starts with `firstHeader`, as rows of trimmed cells. */
export function tableAfter(markdown: string, firstHeader: string): { header: string[]; rows: string[][] } {
  const lines = markdown.split('\n');
  const start = lines.findIndex((line) => line.startsWith('|') && splitRow(line.trim())[0] === firstHeader);
  assert.ok(start >= 0, `no table with header "${firstHeader}"`);
  const rows: string[][] = [];
  for (let i = start + 2; i < lines.length && lines[i].trim().startsWith('|'); i++) rows.push(splitRow(lines[i].trim()));
  return { header: splitRow(lines[start].trim()), rows };
}

/** The seed's second document holds two tables' worth of text after its data blocks. */
export function seedText(): string {
  return readFileSync(seedFile, 'utf8');
}
