// Which image a container runs. The images are built here (images/build.sh); the names users write
// for real OpenWhisk map to them, so an experiment runs unchanged against the embedded server.
import type { RuntimeOptions } from '../options.js';
import { resolveBlackboxImage } from '../options.js';

export const ACTIONLOOP_IMAGE = 'owbench/actionloop:latest';
export const NODEJS_IMAGE = 'owbench/nodejs20:latest';

/** OpenWhisk image names (without registry or tag) → the local image standing for them. */
export const defaultImageMap: Readonly<Record<string, string>> = {
  'openwhisk/actionloop-v2': ACTIONLOOP_IMAGE,
  'openwhisk/dockerskeleton': ACTIONLOOP_IMAGE,
  'openwhisk/action-nodejs-v20': NODEJS_IMAGE,
};

export interface ImagePlan {
  image: string;
  /** A host executable bind-mounted read-only as the container's /action/exec (a registered image). */
  executable?: string;
}

/** The image a blackbox action's `image` stands for: a registered executable, a mapped name, or itself. */
export function blackboxPlan(image: string, options: RuntimeOptions): ImagePlan {
  const executable = resolveBlackboxImage(image, options);
  if (executable !== undefined) return { image: ACTIONLOOP_IMAGE, executable };
  return { image: defaultImageMap[bareName(image)] ?? image };
}

/** `docker.io/openwhisk/dockerskeleton:nightly` → `openwhisk/dockerskeleton`. */
export function bareName(image: string): string {
  const withoutRegistry = image.replace(/^(docker\.io|index\.docker\.io|registry-1\.docker\.io)\//, '');
  const slash = withoutRegistry.lastIndexOf('/');
  const colon = withoutRegistry.lastIndexOf(':');
  return colon > slash ? withoutRegistry.slice(0, colon) : withoutRegistry;
}
