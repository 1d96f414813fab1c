// P3, "experimental setup described", read from what the run logs record (issue 11).
import type { RunSetting } from './setting.js';

export interface SetupPrinciple {
  name: string;
  status: 'met' | 'partly' | 'missed';
  detail: string;
}

export function setupPrinciple(described: boolean, settings: readonly RunSetting[]): SetupPrinciple {
  const name = 'Experimental setup described (P3)';
  if (settings.length > 0 && settings.every((s) => s.machine !== null)) {
    return {
      name, status: 'met',
      detail: 'the run log records the target, the server\'s description, the machine, the date and the experiment\'s parameters (see Where it ran); the load of other tenants is not measured',
    };
  }
  if (settings.length > 0) {
    return { name, status: 'partly', detail: 'the run log records the target and the experiment\'s parameters, but not the machine (written before owbench recorded it)' };
  }
  return described
    ? { name, status: 'partly', detail: 'runtime kind and memory come from the records and every input is hashed below; the machine, the OpenWhisk deployment and its load are not in the data' }
    : { name, status: 'missed', detail: 'the data names runtimes only: no kind, memory, machine or OpenWhisk deployment' };
}
