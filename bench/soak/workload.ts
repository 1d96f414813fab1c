// What the soak sends: warm invokes of one long-lived action per kind, cold invokes of a fresh
// action per request (created, invoked, deleted), and non-blocking invokes, in a seeded mix; each
// answer sorted into a class. Every action is a no-op of its kind at 128 MB.
import openwhisk from 'openwhisk';
import { kinds, noopExec, type Kind } from '../local/fixtures.js';

export type Client = ReturnType<typeof openwhisk>;
export const ACTION_MEMORY_MB = 128;

export type Outcome =
  | 'ok'
  | 'accepted (202)'
  | 'application error (502)'
  | 'developer error (502)'
  | 'whisk error (500)'
  | 'throttled (429)'
  | 'server error (5xx)'
  | 'connection dropped'
  | 'other';

export interface Sample {
  /** ms since the soak started, when the invoke was sent. */
  at: number;
  kind: Kind;
  mode: 'warm' | 'cold' | 'async';
  latencyMs: number;
  outcome: Outcome;
  /** The activation id the answer acknowledged, if any. */
  activationId?: string;
  detail?: string;
}

export const warmName = (kind: Kind) => `warm-${kind.replace(/[^a-z0-9]/g, '')}`;

export async function createWarmActions(ow: Client): Promise<void> {
  for (const kind of kinds) await createAction(ow, warmName(kind), kind);
}

export function createAction(ow: Client, name: string, kind: Kind): Promise<unknown> {
  return ow.actions.create({ name, action: { exec: noopExec(kind), limits: { memory: ACTION_MEMORY_MB } } as never, overwrite: true });
}

/** A small deterministic PRNG (mulberry32), so a soak's mix is reproducible from its seed. */
export function random(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** Sends one invoke and classifies its answer; never throws. */
export async function invoke(ow: Client, name: string, blocking: boolean): Promise<Pick<Sample, 'latencyMs' | 'outcome' | 'activationId' | 'detail'>> {
  const t0 = performance.now();
  try {
    const answer = (await ow.actions.invoke({ name, blocking })) as { activationId?: string; response?: { status: string } };
    const latencyMs = performance.now() - t0;
    if (!answer.response) return { latencyMs, outcome: 'accepted (202)', ...(answer.activationId ? { activationId: answer.activationId } : {}) };
    return { latencyMs, outcome: 'ok', ...(answer.activationId ? { activationId: answer.activationId } : {}) };
  } catch (error) {
    return { latencyMs: performance.now() - t0, ...classify(error) };
  }
}

function classify(error: unknown): Pick<Sample, 'outcome' | 'activationId' | 'detail'> {
  const e = error as { statusCode?: number; message?: string; error?: { activationId?: string; response?: { status?: string } } };
  const id = typeof e.error?.activationId === 'string' ? { activationId: e.error.activationId } : {};
  const status = e.error?.response?.status;
  if (e.statusCode === 502 && status === 'action developer error') return { outcome: 'developer error (502)', ...id };
  if (e.statusCode === 502 && status === 'application error') return { outcome: 'application error (502)', ...id };
  if (e.statusCode === 500 && status !== undefined) return { outcome: 'whisk error (500)', ...id };
  if (e.statusCode === 429) return { outcome: 'throttled (429)' };
  if (e.statusCode !== undefined && e.statusCode >= 500) return { outcome: 'server error (5xx)' };
  if (e.statusCode === undefined && /socket hang up|ECONNRESET|EPIPE/i.test(e.message ?? '')) return { outcome: 'connection dropped' };
  return { outcome: 'other', detail: `${e.statusCode ?? '-'} ${String(e.message).slice(0, 200)}` };
}
