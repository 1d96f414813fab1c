// Where blackbox executables come from: a registry of names (the server config feeds it) and a
// folder whose files may be named by path. Paths never escape the folder.
import { accessSync, constants, statSync } from 'node:fs';
import { isAbsolute, relative, resolve } from 'node:path';

export interface RuntimeOptions {
  /** Image name → absolute path of an executable (e.g. `owbench/classify` → build/actions/native/classify). */
  blackboxImages?: Record<string, string>;
  /** A folder; an image that is not registered names an executable by its path under this folder. */
  blackboxFolder?: string;
  /**
   * wasm:0.1 answers wrapped as wow's executor did, `{result, status, status_code, success}`
   * (default true, as in the real records); false answers the bare result like other kinds.
   */
  wasmEnvelope?: boolean;
  /** The server instance: process containers carry it in their environment, so its reaper finds them. */
  marker?: string;
  /** The instance's folder (its reaper removes it): process containers' socket folders go inside. */
  folder?: string;
}

/** The executable an image names, or undefined when it names none (unknown, escaping the folder, not executable). */
export function resolveBlackboxImage(image: string, options: RuntimeOptions): string | undefined {
  const registered = options.blackboxImages?.[image];
  if (registered !== undefined) return isExecutableFile(registered) ? registered : undefined;
  if (options.blackboxFolder === undefined || image === '') return undefined;
  const folder = resolve(options.blackboxFolder);
  const candidate = resolve(folder, image);
  const inside = relative(folder, candidate);
  if (inside === '' || inside.startsWith('..') || isAbsolute(inside)) return undefined;
  return isExecutableFile(candidate) ? candidate : undefined;
}

function isExecutableFile(path: string): boolean {
  try {
    accessSync(path, constants.X_OK);
    return statSync(path).isFile();
  } catch {
    return false;
  }
}
