// OpenWhisk's prewarmed "stem cell" containers (runtimes manifest `stemCells`): created, not
// initialized, at server start; a cold start of the same kind and memory takes one instead of
// creating a container, so its waitTime has no container start (its record still has initTime);
// a taken stem cell is replaced at once in the background.
//
// Memory: stem cells are held outside the user-memory budget, as OpenWhisk's ContainerPool did
// before reactive prewarming ("Those containers will not be part of the poolsize calculation",
// apache/openwhisk@03dc1a76 ContainerPool.scala): a taken one counts like any new container (the
// pool needs room for it, evicting idle ones first) and its replacement starts whatever the budget.
// Current master counts them and refills only into free memory, which never happens while idle
// warm containers fill the pool (every fresh-action benchmark), and never evicts them, which would
// starve blackbox when stem cells fill the budget (2 × 2 × 256 MB = the default 1024 MB).
import type { Container, ContainerFactory } from '../container.js';

export interface StemCellSpec {
  kind: string;
  count: number;
  /** MB; only actions with exactly this memory limit take it. */
  memory: number;
}

export interface StemCellStats {
  kind: string;
  memoryMb: number;
  /** Created and waiting to be taken. */
  ready: number;
  /** Being created (at start, or replacing a taken one). */
  starting: number;
  /** Taken by cold starts since the server started. */
  taken: number;
}

interface Slot {
  readonly spec: StemCellSpec;
  readonly ready: Container[];
  starting: number;
  taken: number;
}

/** The factory's limits want a timeout; creation does not use it (it belongs to /init and /run). */
const CREATION_TIMEOUT_MS = 60_000;

export class StemCells {
  private readonly slots: Slot[];
  private readonly pending = new Set<Promise<unknown>>();
  private closed = false;

  constructor(
    private readonly factory: ContainerFactory,
    specs: readonly StemCellSpec[] = [],
    private readonly report: (message: string) => void = (message) => process.stderr.write(`owbench serve: ${message}\n`),
  ) {
    this.slots = specs.map((spec) => ({ spec, ready: [], starting: 0, taken: 0 }));
  }

  /** Creates every entry's stem cells; resolves once they have started (or failed to). */
  async fill(): Promise<void> {
    for (const slot of this.slots) this.topUp(slot);
    while (this.pending.size > 0) await Promise.allSettled([...this.pending]);
  }

  /**
   * A ready stem cell of this kind and memory (the oldest), else undefined. Either way the entry is
   * topped up in the background: the taken one is replaced, and one that failed to start is retried.
   */
  take(kind: string, memoryMb: number): Container | undefined {
    const matching = this.slots.filter((s) => s.spec.kind === kind && s.spec.memory === memoryMb);
    const slot = matching.find((s) => s.ready.length > 0) ?? matching[0];
    if (!slot) return undefined;
    const container = slot.ready.shift();
    if (container) slot.taken += 1;
    this.topUp(slot);
    return container;
  }

  stats(): StemCellStats[] {
    return this.slots.map(({ spec, ready, starting, taken }) => ({
      kind: spec.kind,
      memoryMb: spec.memory,
      ready: ready.length,
      starting,
      taken,
    }));
  }

  /** Destroys the ready stem cells and those still starting; resolves when all are gone. */
  async close(): Promise<void> {
    this.closed = true;
    for (const slot of this.slots) {
      for (const container of slot.ready.splice(0)) this.track(destroy(container));
    }
    while (this.pending.size > 0) await Promise.allSettled([...this.pending]);
  }

  private topUp(slot: Slot): void {
    const { kind, memory, count } = slot.spec;
    while (!this.closed && slot.ready.length + slot.starting < count) {
      slot.starting += 1;
      const started = this.factory(kind, { memoryMb: memory, timeoutMs: CREATION_TIMEOUT_MS }).then(
        (container) => {
          slot.starting -= 1;
          if (this.closed) return destroy(container);
          slot.ready.push(container);
          return undefined;
        },
        (error: unknown) => {
          // Not retried here (a runtime that cannot start would spin): the next cold start of this kind does.
          slot.starting -= 1;
          this.report(`a ${kind} stem cell (${memory} MB) did not start: ${(error as Error)?.message ?? String(error)}`);
        },
      );
      this.track(started);
    }
  }

  private track(promise: Promise<unknown>): void {
    this.pending.add(promise);
    void promise.finally(() => this.pending.delete(promise));
  }
}

function destroy(container: Container): Promise<void> {
  return container.destroy().catch(() => undefined);
}
