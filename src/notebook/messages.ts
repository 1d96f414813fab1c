// Every message a notebook user can cause, by name (tests assert them by name).

export function unknownStudy(name: string, known: readonly string[]): string {
  return `load("${name}"): no such file and no dataset of that name; datasets: ${known.join(', ') || 'none'}`;
}

export function unknownExperiment(name: string, file: string): string {
  return `run("${name}"): no experiment file ${file}`;
}

export function paramsNotJson(where: string, why: string): string {
  return `${where}: expected a JSON object of parameters (${why})`;
}

export function unknownParam(where: string, name: string, known: readonly string[]): string {
  return `${where}: unknown parameter "${name}"; expected any of ${known.join(', ')}`;
}

export function mixedSystems(systems: readonly string[]): string {
  return `the sources come from different systems (${systems.join('; ')}): speedups between runtimes of different systems are left out; pass { acrossSystems: true } to compute them`;
}

export function unknownChart(id: string, known: readonly string[]): string {
  return `chart("${id}"): no such chart; charts: ${known.join(', ')}`;
}

export function noConnection(): string {
  return 'fetch: no OpenWhisk to pull from: set __OW_API_HOST and __OW_API_KEY, write ~/.wskprops, or pass { connection }';
}

export function chartOmitted(id: string, why: string): string {
  return `chart "${id}" is left out for this data: ${why}`;
}

/** A mistake in a notebook's call: tslab prints it as the message alone, no stack (it is not a bug). */
export class NotebookError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'owbench';
    this.stack = `${this.name}: ${message}`;
  }
}
