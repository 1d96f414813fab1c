// The notebooks as committed: no outputs (clean diffs), a Markdown introduction first, the
// project's kernel; and the kernel spec `npm run notebooks` writes starts this project's tslab.
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { KERNEL_NAME, kernelEnvironment, kernelSpec } from '../../notebooks/tools/kernel.js';
import { stripNotebook } from '../../notebooks/tools/strip.js';
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

  it('the kernel spec starts the project-local tslab with the connection file, from any checkout', () => {
    const spec = kernelSpec(repoRoot) as { argv: string[]; language: string };
    assert.deepEqual(spec.argv, ['npx', '--no', 'tslab', 'kernel', '--config-path', '{connection_file}'], 'no path to one checkout');
    assert.ok(existsSync(path.join(repoRoot, 'node_modules', '.bin', 'tslab')), 'npm ci installs tslab, which npx finds from notebooks/');
    assert.equal(spec.language, 'typescript');
    const env = kernelEnvironment({ JUPYTER_PATH: '/elsewhere' });
    assert.equal(env.JUPYTER_PATH!.split(path.delimiter)[0], path.join(repoRoot, 'build', 'jupyter'), 'the project kernel is found first');
    assert.ok(env.JUPYTER_RUNTIME_DIR!.startsWith(path.join(repoRoot, 'build')), 'connection files stay inside build/');
  });

  it('npm run notebooks -- --setup prints the Jupyter commands a fresh machine needs (--no-browser, --allow-root as root, the per-user install)', function () {
    this.timeout(30_000);
    const result = spawnSync(process.execPath, ['--import', 'tsx', path.join(repoRoot, 'notebooks', 'tools', 'run.ts'), '--setup'], { cwd: repoRoot, encoding: 'utf8' });
    assert.equal(result.status, 0, result.stderr);
    const root = process.getuid?.() === 0 ? ' --allow-root' : '';
    assert.ok(result.stdout.includes(`JUPYTER_PATH=${path.join(repoRoot, 'build', 'jupyter')} jupyter notebook --no-browser${root} notebooks/\n`), result.stdout);
    assert.ok(result.stdout.includes('jupyter kernelspec install --user --name owbench-tslab build/jupyter/kernels/owbench-tslab\n'), result.stdout);
  });

  it('a notebook saved with outputs strips back to the committed file; checkpoints are ignored', () => {
    assert.match(readFileSync(path.join(repoRoot, '.gitignore'), 'utf8'), /^\.ipynb_checkpoints\/$/m);
    const committed = readFileSync(path.join(folder, 'report.ipynb'), 'utf8');
    const saved = JSON.parse(committed) as { cells: Array<Cell & { metadata: Record<string, unknown> }>; metadata: Record<string, unknown> };
    for (const cell of saved.cells.filter((c) => c.cell_type === 'code')) {
      cell.outputs = [{ output_type: 'stream', name: 'stdout', text: 'x' }];
      cell.execution_count = 3;
      cell.metadata = { ...cell.metadata, execution: { 'iopub.status.busy': '2026-12-01T00:00:00Z' } };
    }
    saved.metadata = { ...saved.metadata, widgets: {} };
    assert.equal(`${JSON.stringify(stripNotebook(saved as never), null, 1)}\n`, committed);
  });
});
