// What each runtime deploys as, and the action names a run uses. Fresh-action runs create one
// action per trial (the reliable way to get cold starts on OpenWhisk); the other methods share
// one action per runtime. Names derive from the run id, so a resumed run finds its own actions.
import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { resolveBeside, type Experiment, type RuntimeSpec } from './experiment.js';
import { nativeZip } from './native-zip.js';
import type { PlannedTrial } from './plan.js';

export interface Artifact {
  runtime: RuntimeSpec;
  /** The PUT body (exec, limits), or null for an existing action invoked as it is. */
  body: Record<string, unknown> | null;
  sha256: string | null;
}

/** Blackbox images the embedded server must know: image name → executable path. */
export function embeddedImages(experiment: Experiment): Record<string, string> {
  const images: Record<string, string> = {};
  for (const runtime of experiment.spec.runtimes) {
    if (runtime.executable !== undefined) images[embeddedImage(runtime)] = resolveBeside(experiment.file, runtime.executable);
  }
  return images;
}

/** The image `wsk action create --native` uses. */
const NATIVE_IMAGE = 'openwhisk/dockerskeleton';

function embeddedImage(runtime: RuntimeSpec): string {
  return `owbench/${runtime.name}`;
}

/**
 * Reads each runtime's artifact. A native executable deploys as OpenWhisk's native actions do
 * (`wsk action create --native`), on the embedded server as on a real one: kind blackbox, image
 * openwhisk/dockerskeleton (or the runtime's own), code a zip holding the executable as `exec`.
 */
export function loadArtifacts(experiment: Experiment, embedded: boolean): Map<string, Artifact> {
  const artifacts = new Map<string, Artifact>();
  for (const runtime of experiment.spec.runtimes) {
    const limits: Record<string, number> = { memory: runtime.memory };
    if (runtime.timeout !== undefined) limits.timeout = runtime.timeout;
    const main = runtime.main !== undefined ? { main: runtime.main } : {};
    let exec: Record<string, unknown> | null = null;
    let bytes: Buffer | null = null;
    if (runtime.code !== undefined) {
      bytes = readFileSync(resolveBeside(experiment.file, runtime.code));
      exec = { kind: runtime.kind, code: bytes.toString('utf8'), ...main };
    } else if (runtime.wasm !== undefined) {
      bytes = readFileSync(resolveBeside(experiment.file, runtime.wasm));
      exec = { kind: runtime.kind, code: bytes.toString('base64'), binary: true, ...main };
    } else if (runtime.executable !== undefined) {
      bytes = readFileSync(resolveBeside(experiment.file, runtime.executable));
      exec = { kind: 'blackbox', image: runtime.image ?? NATIVE_IMAGE, code: nativeZip(bytes).toString('base64'), binary: true, ...main };
    }
    artifacts.set(runtime.name, {
      runtime,
      body: exec ? { exec, limits } : null,
      sha256: bytes ? createHash('sha256').update(bytes).digest('hex') : null,
    });
  }
  return artifacts;
}

/** The shared action of a runtime (an existing action keeps its own name). */
export function sharedActionName(runId: string, runtime: RuntimeSpec): string {
  return runtime.action ?? `owbench-${runId.slice(0, 8)}-${safe(runtime.name)}`;
}

/** The action a trial invokes under a cold-start method. */
export function trialActionName(runId: string, runtime: RuntimeSpec, trial: PlannedTrial, cold: string): string {
  if (cold !== 'fresh-action') return sharedActionName(runId, runtime);
  return `owbench-${runId.slice(0, 8)}-${safe(runtime.name)}-c${trial.concurrency}-r${trial.repetition}-i${trial.index}`;
}

function safe(name: string): string {
  return name.replace(/[^A-Za-z0-9_.-]/g, '-');
}
