// The reaper: a small detached process per server that outlives it. It holds the read end of a
// pipe whose write end only the server has; when that pipe ends (the server closed, crashed or was
// SIGKILLed) it removes the server's Docker containers (by label) and kills the processes of its
// process containers (marked in their environment, so setsid children are found too), then its
// folder, and exits. Self-contained (node: imports only): it is also transpiled alone from src.
// argv: <docker socket or ''> <instance> <folder>
import { request } from 'node:http';
import { readdirSync, readFileSync, rmSync } from 'node:fs';

const [socketPath = '', instance = '', folder = ''] = process.argv.slice(2);
process.title = `owbench-reaper ${instance}`; // how ps shows it

function engine(method: string, path: string): Promise<string> {
  return new Promise((resolve) => {
    const req = request({ socketPath, method, path: `/v1.41${path}`, timeout: 20_000 }, (res) => {
      const chunks: Buffer[] = [];
      res.on('data', (chunk: Buffer) => chunks.push(chunk));
      res.on('end', () => resolve(Buffer.concat(chunks).toString('utf8')));
      res.on('error', () => resolve(''));
    });
    req.on('timeout', () => req.destroy());
    req.on('error', () => resolve(''));
    req.end();
  });
}

async function removeContainers(): Promise<void> {
  if (socketPath === '') return;
  const filters = encodeURIComponent(JSON.stringify({ label: [`owbench.instance=${instance}`] }));
  let listed: Array<{ Id: string }> = [];
  try {
    listed = JSON.parse(await engine('GET', `/containers/json?all=1&filters=${filters}`)) as Array<{ Id: string }>;
  } catch {
    return;
  }
  await Promise.all(listed.map((c) => engine('DELETE', `/containers/${c.Id}?force=1&v=1`)));
}

function killMarkedProcesses(): void {
  const marker = `OWBENCH_INSTANCE=${instance}`;
  for (const entry of readdirSync('/proc')) {
    if (!/^\d+$/.test(entry) || Number(entry) === process.pid) continue;
    try {
      if (readFileSync(`/proc/${entry}/environ`, 'latin1').split('\0').includes(marker)) process.kill(Number(entry), 'SIGKILL');
    } catch {
      // gone already, or not ours to read
    }
  }
}

async function reap(): Promise<void> {
  killMarkedProcesses();
  await removeContainers();
  killMarkedProcesses(); // a child forked while the first pass ran
  if (folder !== '') rmSync(folder, { recursive: true, force: true });
  process.exit(0);
}

process.stdin.on('end', () => void reap());
process.stdin.on('error', () => void reap());
process.stdin.resume();
