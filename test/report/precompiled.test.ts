// Templates compiled at build time render the same bytes as templates compiled at run time, and
// a template edited after the build is compiled from its new source, never from the stale spec.
import assert from 'node:assert/strict';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import Handlebars from 'handlebars';
import { compileTemplate, writePrecompiled } from '../../src/report/precompiled.js';
import { renderTemplate, templateCompileOptions, templateEnvironment, templateSources } from '../../src/report/render.js';
import { needPeerData } from '../helpers/peer.js';
import { goldenDir, render, SEED_PAIR_OPTIONS, SEED_SWEEP_OPTIONS, WARM_FILES, WARM_OPTIONS } from './helpers.js';

describe('report/precompiled', () => {
  const file = path.join(mkdtempSync(path.join(os.tmpdir(), 'owbench-precompiled-')), 'templates.precompiled.json');
  writePrecompiled(templateSources(), templateCompileOptions, file);
  const precompiled = templateEnvironment(file);

  it('holds every template and partial, each as a spec Handlebars wrote', () => {
    const stored = JSON.parse(readFileSync(file, 'utf8')) as { templates: Record<string, { spec: string }> };
    assert.deepEqual(Object.keys(stored.templates).sort(), templateSources().map((t) => t.name).sort());
    assert.match(stored.templates.pair.spec, /"compiler":\[8,/);
  });

  // Rendered when each test runs: the peer's warm pair is skipped by name without the peer data.
  const documents = [
    ['seed-sweep.md', () => render(['data/seed-sweep/results.txt'], SEED_SWEEP_OPTIONS, 'seed-sweep.md').model],
    ['seed-pair.md', () => render(['data/seed-pair/activations.json'], SEED_PAIR_OPTIONS, 'seed-pair.md').model],
    ['peer-prewarmed.md', () => {
      needPeerData();
      return render(WARM_FILES, WARM_OPTIONS, 'peer-prewarmed.md').model;
    }],
  ] as const;
  for (const [golden, modelOf] of documents) {
    it(`renders ${golden} byte for byte as its golden file`, () => {
      const model = modelOf();
      const markdown = renderTemplate(model.template, model, precompiled);
      assert.equal(markdown, renderTemplate(model.template, model));
      assert.equal(markdown, readFileSync(path.join(goldenDir, golden), 'utf8'));
    });
  }

  it("renders with Handlebars' runtime alone when the build compiled every template, with the compiler otherwise", () => {
    assert.equal(typeof precompiled.handlebars.template, 'function');
    assert.equal('compile' in precompiled.handlebars, false);
    assert.equal(typeof templateEnvironment(path.join(path.dirname(file), 'none.json')).handlebars.compile, 'function');
  });

  it('compiles a template edited after the build from its new source', () => {
    const stale = path.join(path.dirname(file), 'stale.json');
    writePrecompiled([{ name: 'note', source: 'built {{x}}' }], templateCompileOptions, stale);
    const current = compileTemplate(Handlebars.create(), { name: 'note', source: 'edited {{x}}' }, templateCompileOptions, stale);
    assert.equal(current({ x: 1 }), 'edited 1');
  });

  it('uses the stored spec when the source is the one compiled', () => {
    // The spec of another source under this source's key: only a lookup can render it.
    const swapped = path.join(path.dirname(file), 'swapped.json');
    writePrecompiled([{ name: 'note', source: 'other {{x}}' }], templateCompileOptions, swapped);
    const other = (JSON.parse(readFileSync(swapped, 'utf8')) as { templates: Record<string, { spec: string }> }).templates.note.spec;
    writePrecompiled([{ name: 'note', source: 'built {{x}}' }], templateCompileOptions, swapped);
    const stored = JSON.parse(readFileSync(swapped, 'utf8')) as { templates: Record<string, { spec: string }> };
    stored.templates.note.spec = other;
    writeFileSync(swapped, JSON.stringify(stored));
    const fresh = path.join(path.dirname(file), 'fresh-copy.json');
    writeFileSync(fresh, JSON.stringify(stored));
    const template = compileTemplate(Handlebars.create(), { name: 'note', source: 'built {{x}}' }, templateCompileOptions, fresh);
    assert.equal(template({ x: 1 }), 'other 1');
  });

  it('compiles at run time when no build wrote the file', () => {
    const missing = path.join(path.dirname(file), 'none.json');
    const template = compileTemplate(Handlebars.create(), { name: 'pair', source: '{{x}}!' }, templateCompileOptions, missing);
    assert.equal(template({ x: 'a' }), 'a!');
  });
});
