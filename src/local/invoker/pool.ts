// The invoker's container pool, as OpenWhisk's ContainerPool schedules: a warm container of the
// same action first, else a new one if the user-memory budget allows, else evict idle containers
// least-recently-used first, else queue (FIFO, head-of-line). Idle containers pause after the
// pause grace and are removed after the idle timeout. One activation per container at a time.
// Which container serves a request is chosen in choice.ts; a new container is a matching
// prewarmed stem cell when there is one (stem-cells.ts).
import type { Container, ContainerFactory, ContainerSpec } from '../container.js';
import { victimsFor, warmFor } from './choice.js';
import { StemCells, type StemCellSpec, type StemCellStats } from './stem-cells.js';

export interface PoolOptions {
  userMemoryMb: number;
  pauseGraceMs: number;
  idleTimeoutMs: number;
  /** Prewarmed containers to keep ready (none when absent). */
  stemCells?: readonly StemCellSpec[];
}

export interface PoolEntry {
  readonly container: Container;
  /** The action and version the container was initialized for (an update makes new containers). */
  readonly actionKey: string;
  readonly memoryMb: number;
  busy: boolean;
  paused: boolean;
  lastUsed: number;
  timer?: NodeJS.Timeout;
}

export interface Lease {
  entry: PoolEntry;
  /** Created for this activation: it needs /init. */
  cold: boolean;
  /** The container was a prewarmed stem cell (cold, but its creation was not waited for). */
  prewarmed: boolean;
}

export interface ContainerRequest {
  actionKey: string;
  kind: string;
  memoryMb: number;
  timeoutMs: number;
  /** The blackbox image a new container is created from. */
  spec?: ContainerSpec;
}

interface Waiter extends ContainerRequest {
  resolve(lease: Lease): void;
  reject(error: Error): void;
}

export interface PoolStats {
  containers: number;
  busy: number;
  paused: number;
  usedMb: number;
  queued: number;
}

export class ContainerPool {
  private readonly entries = new Set<PoolEntry>();
  private readonly queue: Waiter[] = [];
  private readonly pending = new Set<Promise<unknown>>();
  /** Memory of live containers plus those being created or replacing evicted ones. */
  private reservedMb = 0;
  private closed = false;
  private readonly stemCells: StemCells;

  constructor(
    private readonly factory: ContainerFactory,
    private readonly options: PoolOptions,
  ) {
    this.stemCells = new StemCells(factory, options.stemCells);
  }

  /** Creates the stem cells (server start); resolves once they have started. */
  prewarm(): Promise<void> {
    return this.stemCells.fill();
  }

  stemCellStats(): StemCellStats[] {
    return this.stemCells.stats();
  }

  acquire(request: ContainerRequest): Promise<Lease> {
    if (this.closed) return Promise.reject(new Error('the server is shutting down'));
    if (request.memoryMb > this.options.userMemoryMb) {
      return Promise.reject(
        new Error(`the action needs ${request.memoryMb} MB but the pool has ${this.options.userMemoryMb} MB`),
      );
    }
    return new Promise<Lease>((resolve, reject) => {
      this.queue.push({ ...request, resolve, reject });
      this.pump();
    });
  }

  /** Returns a container after an activation; `destroy` when it timed out, crashed or failed init. */
  release(entry: PoolEntry, destroy: boolean): void {
    if (!this.entries.has(entry)) return;
    if (destroy || this.closed) {
      this.remove(entry);
    } else {
      entry.busy = false;
      entry.lastUsed = Date.now();
      this.scheduleIdle(entry);
    }
    this.pump();
  }

  stats(): PoolStats {
    const list = [...this.entries];
    return {
      containers: list.length,
      busy: list.filter((e) => e.busy).length,
      paused: list.filter((e) => e.paused).length,
      usedMb: this.reservedMb,
      queued: this.queue.length,
    };
  }

  /** Rejects queued requests and destroys every container and stem cell, waiting until they are gone. */
  async close(): Promise<void> {
    this.closed = true;
    for (const waiter of this.queue.splice(0)) waiter.reject(new Error('the server is shutting down'));
    for (const entry of [...this.entries]) this.remove(entry);
    this.track(this.stemCells.close());
    while (this.pending.size > 0) await Promise.allSettled([...this.pending]);
  }

  private pump(): void {
    while (!this.closed && this.queue.length > 0) {
      const head = this.queue[0]!;
      if (!this.schedule(head)) return; // head-of-line: later requests wait behind it
      this.queue.shift();
    }
  }

  private schedule(waiter: Waiter): boolean {
    const warm = warmFor(this.entries, waiter.actionKey);
    if (warm) {
      clearTimeout(warm.timer);
      warm.busy = true;
      const wasPaused = warm.paused;
      warm.paused = false;
      const lease = { entry: warm, cold: false, prewarmed: false };
      // docker unpause before the lease is handed out, so it counts in waitTime as in OpenWhisk
      if (wasPaused && warm.container.resume) void warm.container.resume().then(() => waiter.resolve(lease));
      else waiter.resolve(lease);
      return true;
    }
    const free = this.options.userMemoryMb - this.reservedMb;
    if (waiter.memoryMb <= free) {
      this.create(waiter, []);
      return true;
    }
    const victims = victimsFor(this.entries, waiter.memoryMb - free);
    if (!victims) return false;
    for (const victim of victims) this.entries.delete(victim);
    this.create(waiter, victims);
    return true;
  }

  /**
   * Gives `waiter` a container once the evicted ones are gone (that removal counts in waitTime): a
   * stem cell of its kind and memory, taken now so no other waiter counts on it, else a new one.
   */
  private create(waiter: Waiter, evicted: PoolEntry[]): void {
    this.reservedMb += waiter.memoryMb;
    const evictedMb = evicted.reduce((sum, e) => sum + e.memoryMb, 0);
    const stemCell = this.stemCells.take(waiter.kind, waiter.memoryMb);
    const start = (async () => {
      await Promise.all(evicted.map((e) => this.destroyEntry(e)));
      this.reservedMb -= evictedMb;
      return stemCell ?? this.factory(waiter.kind, { memoryMb: waiter.memoryMb, timeoutMs: waiter.timeoutMs }, waiter.spec);
    })();
    const tracked = start.then(
      (container) => {
        const entry: PoolEntry = {
          container,
          actionKey: waiter.actionKey,
          memoryMb: waiter.memoryMb,
          busy: true,
          paused: false,
          lastUsed: Date.now(),
        };
        this.entries.add(entry);
        if (this.closed) {
          this.remove(entry);
          waiter.reject(new Error('the server is shutting down'));
        } else {
          waiter.resolve({ entry, cold: true, prewarmed: stemCell !== undefined });
        }
      },
      (error: unknown) => {
        this.reservedMb -= waiter.memoryMb;
        waiter.reject(error instanceof Error ? error : new Error(String(error)));
        this.pump();
      },
    );
    this.track(tracked);
  }

  private scheduleIdle(entry: PoolEntry): void {
    clearTimeout(entry.timer);
    entry.timer = setTimeout(() => {
      // docker pause where the container has it; otherwise it stays alive, only marked paused
      entry.paused = true;
      if (entry.container.pause) this.track(entry.container.pause());
      entry.timer = setTimeout(() => {
        if (!entry.busy) this.remove(entry);
        this.pump();
      }, this.options.idleTimeoutMs);
      entry.timer.unref();
    }, this.options.pauseGraceMs);
    entry.timer.unref();
  }

  private remove(entry: PoolEntry): void {
    if (!this.entries.delete(entry)) return;
    this.reservedMb -= entry.memoryMb;
    this.track(this.destroyEntry(entry));
  }

  private destroyEntry(entry: PoolEntry): Promise<void> {
    clearTimeout(entry.timer);
    return entry.container.destroy().catch(() => undefined);
  }

  private track(promise: Promise<unknown>): void {
    this.pending.add(promise);
    void promise.finally(() => this.pending.delete(promise));
  }
}
