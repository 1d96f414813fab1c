// `npm run notebooks [NAME…]`: executes every notebook in notebooks/ headless into
// build/notebooks/<name>.ipynb (outputs kept there, git-ignored), fails on any error or skipped
// cell, and publishes each clean one to docs/notebooks/ as HTML and Markdown. Installs Debian's jupyter-nbconvert when missing; the kernel spec stays inside build/.
// `npm run notebooks -- --setup` only builds and writes the kernel spec, for Jupyter or VS Code.
import { readdirSync, rmSync } from 'node:fs';
import path from 'node:path';
import { ensureNbclient, jupyterDir, projectRoot, writeKernelSpec } from './kernel.js';
import { executeNotebook } from './execute.js';
import { publishNotebook } from './publish.js';

const notebooksDir = path.join(projectRoot, 'notebooks');
const outDir = path.join(projectRoot, 'build', 'notebooks');

async function main(args: string[]): Promise<number> {
  if (args.includes('--setup')) {
    const root = process.getuid?.() === 0 ? ' --allow-root' : '';
    const spec = path.relative(projectRoot, path.dirname(writeKernelSpec()));
    process.stdout.write(`kernel spec: ${spec}\nopen the notebooks with: JUPYTER_PATH=${jupyterDir} jupyter notebook --no-browser${root} notebooks/\n`);
    process.stdout.write(`or install the spec once for your user (any checkout): jupyter kernelspec install --user --name owbench-tslab ${spec}\n`);
    return 0;
  }
  const names = args;
  const began = performance.now();
  ensureNbclient();
  const spec = writeKernelSpec();
  process.stdout.write(`notebooks: kernel spec ${path.relative(projectRoot, spec)}, outputs in build/notebooks/\n`);
  const chosen = names.length ? names.map((name) => name.replace(/(\.ipynb)?$/, '.ipynb')) : readdirSync(notebooksDir).filter((file) => file.endsWith('.ipynb')).sort();
  // A notebook's report() keeps the colours of figures already in its folder (src/charts/project.ts):
  // start each from an empty folder, so what it publishes depends on the data alone.
  for (const file of chosen) rmSync(path.join(outDir, file.replace(/\.ipynb$/, '')), { recursive: true, force: true });
  // The notebooks are independent (the experiment's server listens on a free port): run them side by side.
  const runs = await Promise.all(
    chosen.map((file) => executeNotebook(path.join(notebooksDir, file), path.join(outDir, file))),
  );
  let failed = 0;
  for (const run of runs) {
    const name = path.relative(projectRoot, run.notebook);
    const status = run.failures.length ? `FAILED (${run.failures.length} of ${run.cells.length} cells)` : `${run.cells.length} cells ok`;
    process.stdout.write(`${name} → ${path.relative(projectRoot, run.output)}: ${status}, ${run.seconds.toFixed(1)} s\n`);
    for (const failure of run.failures) process.stdout.write(`  ${failure}\n`);
    failed += run.failures.length ? 1 : 0;
    if (!run.failures.length) process.stdout.write(`  published ${publishNotebook(run.output).map((file) => path.relative(projectRoot, file)).join(', ')}\n`);
  }
  process.stdout.write(`notebooks: ${runs.length - failed}/${runs.length} ran clean in ${((performance.now() - began) / 1000).toFixed(1)} s\n`);
  return failed ? 1 : 0;
}

main(process.argv.slice(2)).then(
  (code) => process.exit(code),
  (error: Error) => {
    process.stderr.write(`${error.message}\n`);
    process.exit(1);
  },
);
