// Docker cold start per kind, through the ContainerFactory with the Docker backend (image inspect,
// create, attach, start, proxy listening, then /init), against its floor: the same image run with
// a no-op until it exits (Engine API create + start + wait, what `docker run` does), so the ratio
// is what the backend adds over Docker itself. Also the warm /run, pause and unpause.
// Subject and floor alternate, so machine noise hits both alike.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { ContainerFactory, ContainerSpec, InitPayload } from '../../src/local/container.js';
import { DockerEngine } from '../../src/local/runtimes/docker/engine.js';
import { ACTIONLOOP_IMAGE, NODEJS_IMAGE } from '../../src/local/runtimes/docker/images.js';
import type { DockerContainer } from '../../src/local/runtimes/docker/container.js';
import { startIsolation } from '../../src/local/runtimes/isolation.js';
import { nativeZip } from '../../src/openwhisk/native-zip.js';
import { nativeDir, noopPayload } from './fixtures.js';
import { summarize, timed, type Summary } from './stats.js';

export const dockerKinds = ['blackbox', 'nodejs:20'] as const;
type DockerKind = (typeof dockerKinds)[number];

/** What is measured: each kind with a no-op, and the blackbox with the demo's MobileNetV2 as well. */
interface DockerCase {
  label: string;
  kind: DockerKind;
  /** The native executable a blackbox case deploys (its floor stays the no-op's `docker run`). */
  executable?: string;
  /** The parameters of its /run (the MobileNetV2 classifies the demo's photograph). */
  params?: Record<string, unknown>;
}

export interface DockerColdStartFigures {
  /** The kind, and the workload when it is not a no-op. */
  kind: string;
  floor: string;
  create: Summary;
  init: Summary;
  coldStart: Summary;
  firstRun: Summary;
  warmRun: Summary;
  pause: Summary;
  unpause: Summary;
  floorStart: Summary;
  ratio: number;
}

const MEMORY_MB = 256;
const context = { namespace: 'guest', actionName: '/guest/noop', activationId: 'bench', deadline: 0, apiHost: 'http://127.0.0.1:1' };
const noop = join(nativeDir, 'noop');
const photo = join(nativeDir, '..', 'mobilenet', 'chelsea.params.json');

function cases(): DockerCase[] {
  return [
    { label: 'blackbox', kind: 'blackbox', executable: noop },
    { label: 'blackbox, MobileNetV2', kind: 'blackbox', executable: join(nativeDir, 'mobilenet'), params: JSON.parse(readFileSync(photo, 'utf8')) as Record<string, unknown> },
    { label: 'nodejs:20', kind: 'nodejs:20' },
  ];
}

/** What each case is created and initialized with: a native executable as `wsk action create --native` sends it. */
function subject(c: DockerCase): { spec: ContainerSpec; payload: InitPayload } {
  if (c.kind === 'nodejs:20') return { spec: {}, payload: noopPayload(c.kind) };
  const code = nativeZip(readFileSync(c.executable ?? noop)).toString('base64');
  return { spec: { image: 'openwhisk/dockerskeleton', binary: true }, payload: { name: c.label, main: 'main', code, binary: true, image: 'openwhisk/dockerskeleton', env: {} } };
}

const floors: Record<DockerKind, { name: string; body: Record<string, unknown> }> = {
  blackbox: {
    name: `docker run ${ACTIONLOOP_IMAGE.split(':')[0]} (native noop)`,
    body: { Image: ACTIONLOOP_IMAGE, Entrypoint: ['/action/exec'], HostConfig: hostConfig([`${noop}:/action/exec:ro`]) },
  },
  'nodejs:20': { name: `docker run ${NODEJS_IMAGE.split(':')[0]} -e 0`, body: { Image: NODEJS_IMAGE, Cmd: ['-e', '0'], HostConfig: hostConfig([]) } },
};

function hostConfig(binds: string[]): Record<string, unknown> {
  const bytes = MEMORY_MB * 1024 * 1024;
  return { NetworkMode: 'none', Memory: bytes, MemorySwap: bytes, Binds: binds, LogConfig: { Type: 'none', Config: {} } };
}

async function dockerRun(engine: DockerEngine, body: Record<string, unknown>): Promise<number> {
  const [ms, id] = await timed(async () => {
    const { Id } = (await engine.expect('POST', '/containers/create', [201], body)) as { Id: string };
    await engine.expect('POST', `/containers/${Id}/start`, [204]);
    await engine.expect('POST', `/containers/${Id}/wait`, [200]);
    return Id;
  });
  await engine.call('DELETE', `/containers/${id}?force=1`);
  return ms;
}

/** The figures, or why Docker could not be measured here. */
export async function measureDockerColdStarts(repetitions: number): Promise<DockerColdStartFigures[] | { unavailable: string }> {
  const runtimes = await startIsolation('auto', { blackboxFolder: nativeDir });
  if (!runtimes.isolation.docker) {
    runtimes.close();
    return { unavailable: runtimes.isolation.reason ?? 'Docker is not used' };
  }
  try {
    const engine = new DockerEngine();
    const figures: DockerColdStartFigures[] = [];
    for (const c of cases()) figures.push(await measureCase(c, runtimes.factory, engine, repetitions));
    return figures;
  } finally {
    runtimes.close();
  }
}

async function measureCase(c: DockerCase, factory: ContainerFactory, engine: DockerEngine, repetitions: number): Promise<DockerColdStartFigures> {
  const samples = { create: [] as number[], init: [] as number[], cold: [] as number[], run: [] as number[], warm: [] as number[], pause: [] as number[], unpause: [] as number[], floor: [] as number[] };
  const { kind } = c;
  const { spec, payload } = subject(c);
  const params = c.params ?? {};
  for (let i = -2; i < repetitions; i += 1) {
    // two warm-up rounds (page cache, the engine's image cache) are not counted
    const [create, container] = await timed(() => factory(kind, { memoryMb: MEMORY_MB, timeoutMs: 60_000 }, spec));
    const [init, answer] = await timed(() => container.init(payload, 60_000));
    if (answer.statusCode !== 200) throw new Error(`${kind} init failed: ${JSON.stringify(answer.body)}`);
    const [run] = await timed(() => container.run(params, context, 60_000));
    const warm: number[] = [];
    for (let w = 0; w < (c.params ? 3 : 10); w += 1) warm.push((await timed(() => container.run(params, context, 60_000)))[0]);
    const docker = container as DockerContainer;
    const [pause] = await timed(() => docker.pause());
    const [unpause] = await timed(() => docker.resume());
    await container.destroy();
    const floor = await dockerRun(engine, floors[kind].body);
    if (i < 0) continue;
    Object.entries({ create, init, cold: create + init, run, warm: summarize(warm).median, pause, unpause, floor }).forEach(([key, value]) => samples[key as keyof typeof samples].push(value));
  }
  const coldStart = summarize(samples.cold);
  const floorStart = summarize(samples.floor);
  return {
    kind: c.label,
    floor: floors[kind].name,
    create: summarize(samples.create),
    init: summarize(samples.init),
    coldStart,
    firstRun: summarize(samples.run),
    warmRun: summarize(samples.warm),
    pause: summarize(samples.pause),
    unpause: summarize(samples.unpause),
    floorStart,
    ratio: coldStart.median / floorStart.median,
  };
}
