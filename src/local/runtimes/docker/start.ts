// Creating a container for a kind: in Docker (the image check, then create/start), or, for the
// process fallback, the same image check against the executables this machine has.
import type { ContainerLimits, ContainerSpec } from '../../container.js';
import { message } from '../messages.js';
import { resolveBlackboxImage, type RuntimeOptions } from '../options.js';
import type { DockerBackend } from './backend.js';
import { DockerContainer } from './container.js';
import { ACTIONLOOP_IMAGE, bareName, blackboxPlan, defaultImageMap, NODEJS_IMAGE } from './images.js';

const NODE_PROXY = (memoryMb: number) => [`--max-old-space-size=${memoryMb}`, '/nodejsAction/proxy.mjs', '/nodejsAction', '/nodejsAction/zip-action.mjs'];

export async function dockerContainer(
  backend: DockerBackend,
  id: string,
  kind: string,
  limits: ContainerLimits,
  spec: ContainerSpec,
  options: RuntimeOptions,
): Promise<DockerContainer> {
  if (kind !== 'blackbox') {
    return DockerContainer.create(backend, id, kind, limits, { image: NODEJS_IMAGE, cmd: NODE_PROXY(limits.memoryMb) });
  }
  // OpenWhisk pulls a blackbox image on every creation; the stand-in is a local inspect.
  const planned = blackboxPlan(spec.image ?? '', options);
  // binary code brings its own exec (the proxy saves it), so a registered executable is not mounted
  const plan = spec.binary && planned.executable !== undefined ? { image: planned.image } : planned;
  const inspected = await backend.engine.call('GET', `/images/${encodeURIComponent(plan.image)}/json`);
  if (inspected.status !== 200) throw new Error(message.imageMissing(spec.image ?? ''));
  // `wsk action create --docker openwhisk/action-nodejs-v20`: the nodejs runtime as a blackbox image
  return DockerContainer.create(backend, id, kind, limits, plan.image === NODEJS_IMAGE ? { ...plan, cmd: NODE_PROXY(limits.memoryMb) } : plan);
}

/** Without Docker a blackbox image is a registered executable, or an action-loop name with binary code. */
export function processImageCheck(spec: ContainerSpec, options: RuntimeOptions): void {
  const image = spec.image ?? '';
  if (resolveBlackboxImage(image, options) !== undefined) return;
  if (spec.binary && defaultImageMap[bareName(image)] === ACTIONLOOP_IMAGE) return;
  throw new Error(message.imageMissing(image));
}
