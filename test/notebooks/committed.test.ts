// The notebooks as committed: no outputs (clean diffs), a Markdown introduction first, the
// project's kernel; and the kernel spec `npm run notebooks` writes starts this project's tslab.
import assert from 'node:assert/strict';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { KERNEL_NAME, kernelEnvironment, kernelSpec } from '../../notebooks/tools/kernel.js';
import { repoRoot } from '../helpers/cli.js';

interface Cell {
  cell_type: string;
  source: string[] | string;
  outputs?: unknown[];
  execution_count?: number | null;
}

const folder = path.join(repoRoot, 'notebooks');
const notebooks = readdirSync(folder).filter((file) => file.endsWith('.ipynb')).sort();

describe('notebooks as committed', () => {
  it('are the three the issue names', () => {
    assert.deepEqual(notebooks, ['experiment.ipynb', 'explore.ipynb', 'report.ipynb']);
  });

  for (const file of notebooks) {
    it(`${file}: no outputs, a Markdown introduction, the owbench tslab kernel`, () => {
      const notebook = JSON.parse(readFileSync(path.join(folder, file), 'utf8')) as { cells: Cell[]; metadata: { kernelspec: { name: string; language: string } } };
      assert.equal(notebook.metadata.kernelspec.name, KERNEL_NAME);
      assert.equal(notebook.metadata.kernelspec.language, 'typescript');
      const [first] = notebook.cells;
      assert.equal(first?.cell_type, 'markdown');
      const intro = Array.isArray(first.source) ? first.source.join('') : first.source;
      assert.match(intro, /^# \S/, 'starts with a title');
      assert.ok(intro.length > 200, 'says what the notebook does');
      for (const cell of notebook.cells.filter((c) => c.cell_type === 'code')) {
        assert.deepEqual(cell.outputs, []);
        assert.equal(cell.execution_count, null);
      }
    });
  }

  it('the kernel spec starts the project-local tslab with the connection file', () => {
    const spec = kernelSpec(repoRoot) as { argv: string[]; language: string };
    assert.ok(existsSync(spec.argv[0]!), `${spec.argv[0]} exists (npm ci installs tslab)`);
    assert.deepEqual(spec.argv.slice(1), ['kernel', '--config-path', '{connection_file}']);
    assert.equal(spec.language, 'typescript');
    const env = kernelEnvironment({ JUPYTER_PATH: '/elsewhere' });
    assert.equal(env.JUPYTER_PATH!.split(path.delimiter)[0], path.join(repoRoot, 'build', 'jupyter'), 'the project kernel is found first');
    assert.ok(env.JUPYTER_RUNTIME_DIR!.startsWith(path.join(repoRoot, 'build')), 'connection files stay inside build/');
  });
});
