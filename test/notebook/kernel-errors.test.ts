// A failing cell is an "error" output with ename and evalue (a user's mistake: its message alone;
// a bug: its first frames), and nothing on stderr. Two scratch notebooks run headless in the tslab
// kernel through Debian's nbclient, as `npm run notebooks` runs them: one fails synchronously with
// the API's own error, one fails after an await with JavaScript's. Uses dist/ (npm test builds it).
import assert from 'node:assert/strict';
import { mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { executeNotebook, type NotebookRun } from '../../notebooks/tools/execute.js';
import { ensureNbclient, writeKernelSpec } from '../../notebooks/tools/kernel.js';
import { errorContent } from '../../src/notebook/kernel-errors.js';
import { NotebookError, unknownStudy } from '../../src/notebook/messages.js';
import { workDir } from '../../src/notebook/paths.js';

type Output = { output_type: string; name?: string; ename?: string; evalue?: string; traceback?: string[] };

const code = (source: string) => ({ cell_type: 'code', metadata: {}, execution_count: null, outputs: [], source });
const notebookWith = (cells: string[]) => ({
  cells: cells.map(code),
  metadata: { kernelspec: { name: 'owbench-tslab', display_name: 'TypeScript (owbench, tslab)', language: 'typescript' } },
  nbformat: 4,
  nbformat_minor: 5,
});

describe('notebook errors: a failing cell is an error output', function () {
  this.timeout(180_000);
  const dir = path.join(workDir, `errors-${process.pid}`);
  const runs: Record<string, NotebookRun> = {};
  const outputsOf = (run: NotebookRun) => (JSON.parse(readFileSync(run.output, 'utf8')) as { cells: Array<{ outputs: Output[] }> }).cells.map((cell) => cell.outputs);

  before(async () => {
    ensureNbclient();
    writeKernelSpec();
    mkdirSync(dir, { recursive: true });
    // The kernel starts in the notebook's folder (build/notebooks/errors-PID/): the built API is three levels up.
    const cells = {
      mistake: ["import { load } from '../../../dist/notebook/index.js';", "const data = load('missing.json');"],
      bug: ["import { load } from '../../../dist/notebook/index.js';", "await Promise.resolve();\nJSON.parse('{');"],
    };
    await Promise.all(
      Object.entries(cells).map(async ([name, sources]) => {
        const file = path.join(dir, `${name}.ipynb`);
        writeFileSync(file, JSON.stringify(notebookWith(sources)));
        runs[name] = await executeNotebook(file, path.join(dir, `${name}-run.ipynb`), { timeoutS: 120 });
      }),
    );
  });
  after(() => rmSync(dir, { recursive: true, force: true }));

  it("the API's own error (load of a missing file): its message alone, nothing on stderr", () => {
    const [imported, failing] = outputsOf(runs.mistake!);
    assert.deepEqual(imported, []);
    const message = unknownStudy('missing.json', ['seed-pair', 'seed-sweep', 'demo']);
    assert.deepEqual(failing, [{ output_type: 'error', ename: 'owbench', evalue: message, traceback: [`owbench: ${message}`] }]);
    const reply = runs.mistake!.cells[1]!;
    assert.deepEqual([reply.status, reply.ename, reply.evalue], ['error', 'owbench', message], 'the execute reply names the error too');
    assert.match(runs.mistake!.failures[0]!, /cell 1 .*: error — owbench: load\("missing\.json"\): no such file/);
  });

  it('an error after an await (a bug, not the API): its name, message and at most four frames, nothing on stderr', () => {
    const [, failing] = outputsOf(runs.bug!);
    assert.equal(failing!.length, 1, JSON.stringify(failing));
    const [output] = failing!;
    assert.equal(output!.output_type, 'error');
    assert.equal(output!.ename, 'SyntaxError');
    assert.match(output!.evalue!, /JSON/);
    assert.equal(output!.traceback![0], `SyntaxError: ${output!.evalue}`);
    assert.ok(output!.traceback!.length <= 5);
    assert.ok(output!.traceback!.every((line) => !/tslab[\\/]dist|node:internal/.test(line)), output!.traceback!.join('\n'));
  });

  it('errorContent: a NotebookError is one line; other errors keep their first frames', () => {
    assert.deepEqual(errorContent(new NotebookError('bad call')), { ename: 'owbench', evalue: 'bad call', traceback: ['owbench: bad call'] });
    const bug = errorContent(new TypeError('x is undefined'));
    assert.equal(bug.traceback[0], 'TypeError: x is undefined');
    assert.ok(bug.traceback.length > 1 && bug.traceback.length <= 5);
    assert.deepEqual(errorContent('thrown text'), { ename: 'Error', evalue: 'thrown text', traceback: ['Error: thrown text'] });
  });
});
