// Runs one notebook headless (tools/execute.py through Debian's Python) and judges the result:
// every code cell must have run and answered "ok", with no "error" output.
import { spawn } from 'node:child_process';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { kernelEnvironment, projectRoot, PYTHON } from './kernel.js';

const EXECUTOR = path.join(path.dirname(fileURLToPath(import.meta.url)), 'execute.py');

export interface CellReport {
  index: number;
  /** The kernel's reply: "ok", "error", "aborted"; "skipped" when the cell never ran. */
  status: string;
  ename: string | null;
  evalue: string | null;
  outputs: string[];
  stderr: string;
  source: string;
}

export interface NotebookRun {
  notebook: string;
  output: string;
  cells: CellReport[];
  seconds: number;
  /** One line per failing cell; empty when the notebook ran clean. */
  failures: string[];
}

export interface ExecuteOptions {
  /** Extra environment for the kernel (e.g. OWBENCH_PARAMS). */
  env?: NodeJS.ProcessEnv;
  timeoutS?: number;
}

export async function executeNotebook(notebook: string, output: string, options: ExecuteOptions = {}): Promise<NotebookRun> {
  const began = performance.now();
  const args = [EXECUTOR, notebook, output, String(options.timeoutS ?? 600)];
  const { code, stdout, stderr } = await spawnCollect(PYTHON, args, kernelEnvironment({ ...process.env, ...options.env }));
  const seconds = (performance.now() - began) / 1000;
  if (code !== 0) throw new Error(`${notebook}: the executor failed (exit ${code}):\n${stderr.trim()}`);
  const report = JSON.parse(stdout.trim().split('\n').pop() ?? '{}') as { cells: CellReport[] };
  return { notebook, output, cells: report.cells, seconds, failures: judge(path.relative(projectRoot, notebook), report.cells) };
}

export function judge(notebook: string, cells: CellReport[]): string[] {
  return cells
    .filter((cell) => cell.status !== 'ok' || cell.outputs.includes('error'))
    .map((cell) => {
      const firstLine = cell.source.split('\n').find((line) => line.trim() !== '') ?? '';
      const why = [cell.ename, cell.evalue].filter(Boolean).join(': ') || errorLines(cell.stderr);
      return `${notebook} cell ${cell.index} (${firstLine.trim().slice(0, 60)}): ${cell.status}${why ? ` — ${why}` : ''}`;
    });
}

/** tslab prints a thrown error after Node's code frame (file:line, the source line, a caret): skip the frame. */
function errorLines(stderr: string): string {
  const lines = stderr.trim().split('\n');
  const caret = lines.findIndex((line) => /^\s*\^+\s*$/.test(line));
  const rest = lines.slice(caret + 1).filter((line) => line.trim() !== '');
  return rest.slice(0, 3).join(' | ');
}

function spawnCollect(command: string, args: string[], env: NodeJS.ProcessEnv): Promise<{ code: number | null; stdout: string; stderr: string }> {
  return new Promise((resolve, reject) => {
    const child = spawn(command, args, { env, stdio: ['ignore', 'pipe', 'pipe'] });
    let stdout = '';
    let stderr = '';
    child.stdout.setEncoding('utf8').on('data', (chunk: string) => (stdout += chunk));
    child.stderr.setEncoding('utf8').on('data', (chunk: string) => (stderr += chunk));
    child.on('error', reject);
    child.on('close', (code) => resolve({ code, stdout, stderr }));
  });
}
