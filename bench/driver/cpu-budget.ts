// What one invocation costs in CPU on each side of the embedded setup, measured closed-loop (one
// call at a time, so nothing queues): the driver's process (the openwhisk npm client, as the
// driver sends), the server's process, and its containers (its child processes). At a rate R the
// three together need R × (sum) of CPU per second: more cores than the machine has means the
// driver's thread waits for a core, and its sends slip by however long the scheduler takes.
import { execFileSync } from 'node:child_process';
import { readdirSync, readFileSync } from 'node:fs';
import { availableParallelism } from 'node:os';
import openwhisk from 'openwhisk';

export interface CpuBudget {
  calls: number;
  driver_ms_per_call: number;
  server_ms_per_call: number;
  containers_ms_per_call: number;
  /** Cores the three need at `rate` calls per second, and the cores the machine has. */
  cores_needed: number;
  cores: number;
}

const TICKS_PER_S = Number(execFileSync('getconf', ['CLK_TCK'], { encoding: 'utf8' }).trim()) || 100;

/** utime + stime of a process in ms (0 once it is gone). */
function cpuOf(pid: number): number {
  try {
    // The command name (field 2) may hold spaces: the fields counted after its closing parenthesis.
    const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
    const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
    return ((Number(fields[11]) + Number(fields[12])) * 1000) / TICKS_PER_S;
  } catch {
    return 0;
  }
}

/** Every descendant of `pid` (from /proc/PID/task/TID/children). */
function descendants(pid: number): number[] {
  const out: number[] = [];
  const visit = (parent: number) => {
    let tasks: string[] = [];
    try {
      tasks = readdirSync(`/proc/${parent}/task`);
    } catch {
      return;
    }
    for (const task of tasks) {
      let children = '';
      try {
        children = readFileSync(`/proc/${parent}/task/${task}/children`, 'utf8');
      } catch {
        continue;
      }
      for (const child of children.trim().split(/\s+/).filter(Boolean).map(Number)) {
        out.push(child);
        visit(child);
      }
    }
  };
  visit(pid);
  return out;
}

/** `calls` blocking invokes of `action`, one after another, through the openwhisk client. */
export async function cpuBudget(apihost: string, auth: string, action: string, serverPid: number, calls: number, rate: number): Promise<CpuBudget> {
  const client = openwhisk({ apihost, api_key: auth, namespace: '_' });
  for (let i = 0; i < 20; i++) await client.actions.invoke({ name: action, blocking: true });
  const containers = descendants(serverPid);
  const sum = (pids: number[]) => pids.reduce((s, pid) => s + cpuOf(pid), 0);
  const before = { driver: process.cpuUsage(), server: cpuOf(serverPid), containers: sum(containers) };
  for (let i = 0; i < calls; i++) await client.actions.invoke({ name: action, blocking: true });
  const driverUsage = process.cpuUsage(before.driver);
  const driver = (driverUsage.user + driverUsage.system) / 1000 / calls;
  const server = (cpuOf(serverPid) - before.server) / calls;
  // Containers started meanwhile are missed; one call at a time reuses the warm ones.
  const container = (sum(containers) - before.containers) / calls;
  return {
    calls, driver_ms_per_call: driver, server_ms_per_call: server, containers_ms_per_call: container,
    cores_needed: (rate * (driver + server + container)) / 1000, cores: availableParallelism(),
  };
}
