// What the run log records about where an experiment ran (DESIGN.md §2.4, issue 11): the machine
// the driver (and, for the embedded server, every action) ran on. Read from node:os at the start.
import os from 'node:os';

export interface MachineInfo {
  cpu: string;
  cores: number;
  memory_mb: number;
  os: string;
  node: string;
}

export function machineInfo(): MachineInfo {
  const cpus = os.cpus();
  return {
    cpu: cpus[0]?.model.trim() || 'unknown',
    cores: cpus.length,
    memory_mb: Math.round(os.totalmem() / 2 ** 20),
    os: `${os.type()} ${os.release()} (${os.arch()})`,
    node: process.version,
  };
}
