// The notebooks' kernel, kept inside the project: a tslab kernel spec under build/jupyter (never
// ~/.local/share/jupyter), found through JUPYTER_PATH, and Debian's nbclient to run it headless.
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, renameSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

export const projectRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
/** The kernel name the notebooks' metadata asks for. */
export const KERNEL_NAME = 'owbench-tslab';
/** Debian's Python: it has nbclient once jupyter-nbconvert is installed (the python3 first on PATH may not). */
export const PYTHON = '/usr/bin/python3';
export const jupyterDir = path.join(projectRoot, 'build', 'jupyter');

/**
 * No path to one checkout: Jupyter and VS Code start the kernel in the notebook's folder, where
 * `npx --no` finds the project's own tslab (node_modules up the tree) and never downloads one.
 * So the same spec serves every checkout, written under build/ or installed with `jupyter kernelspec install --user`.
 */
export function kernelSpec(_root = projectRoot): Record<string, unknown> {
  return {
    argv: ['npx', '--no', 'tslab', 'kernel', '--config-path', '{connection_file}'],
    display_name: 'TypeScript (owbench, tslab)',
    language: 'typescript',
  };
}

/** Writes build/jupyter/kernels/owbench-tslab/kernel.json; returns its path. */
export function writeKernelSpec(root = projectRoot): string {
  const folder = path.join(root, 'build', 'jupyter', 'kernels', KERNEL_NAME);
  mkdirSync(folder, { recursive: true });
  const file = path.join(folder, 'kernel.json');
  writeFileSync(`${file}.tmp-${process.pid}`, `${JSON.stringify(kernelSpec(root), null, 2)}\n`);
  renameSync(`${file}.tmp-${process.pid}`, file);
  return file;
}

/** The environment a kernel runs in: our kernel spec first, Jupyter's runtime and config files kept under build/. */
export function kernelEnvironment(base: NodeJS.ProcessEnv = process.env): NodeJS.ProcessEnv {
  return {
    ...base,
    JUPYTER_PATH: [jupyterDir, base.JUPYTER_PATH].filter(Boolean).join(path.delimiter),
    JUPYTER_RUNTIME_DIR: path.join(jupyterDir, 'runtime'),
    JUPYTER_CONFIG_DIR: path.join(jupyterDir, 'config'),
    JUPYTER_PLATFORM_DIRS: '1',
    // Child Node processes (tslab, the embedded server's containers) start 3x slower with it set.
    NODE_EXTRA_CA_CERTS: '',
  };
}

export function hasNbclient(): boolean {
  if (!existsSync(PYTHON)) return false;
  return spawnSync(PYTHON, ['-c', 'import nbclient, nbformat, jupyter_client'], { stdio: 'ignore' }).status === 0;
}

/** Installs Debian's jupyter-nbconvert (which brings nbclient) when it is missing. */
export function ensureNbclient(log: (line: string) => void = (line) => process.stderr.write(`${line}\n`)): void {
  if (hasNbclient()) return;
  log('notebooks: installing Debian package jupyter-nbconvert (headless notebook execution)');
  const sudo = process.getuid?.() === 0 ? [] : ['sudo'];
  const run = (args: string[]) => {
    const [command, ...rest] = [...sudo, ...args];
    const result = spawnSync(command, rest, { stdio: 'inherit', env: { ...process.env, DEBIAN_FRONTEND: 'noninteractive' } });
    if (result.status !== 0) throw new Error(`notebooks: \`${args.join(' ')}\` failed (exit ${result.status ?? result.signal})`);
  };
  run(['apt-get', 'update', '-qq']);
  run(['apt-get', 'install', '-y', '-qq', 'jupyter-nbconvert']);
  if (!hasNbclient()) throw new Error(`notebooks: jupyter-nbconvert is installed but ${PYTHON} cannot import nbclient`);
}
