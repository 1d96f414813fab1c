// Finished activation records, newest first, with OpenWhisk's list filters. Records live in
// append-only segment files under the data folder (issue 15 item 6); memory holds only a small
// index entry per record on disk, so both are bounded by the store's size bound. A record becomes
// visible `lagMs` after it is stored, as a real deployment's store lags the active ack.
import { mkdirSync } from 'node:fs';
import path from 'node:path';
import { summarize, type ActivationRecord, type ActivationSummary } from './record.js';
import { SegmentFiles, type LineRef, type SegmentOptions } from './segments.js';

export interface ActivationQuery {
  /** `action` or `pkg/action`, matched against the record's path without its namespace. */
  name?: string;
  skip: number;
  limit: number;
  /** Inclusive bounds on `start`, epoch ms. */
  since?: number;
  upto?: number;
  docs: boolean;
}

export interface ActivationStoreOptions extends SegmentOptions {
  /** The folder the segments live in (created if missing). */
  dir: string;
  lagMs?: () => number;
}

/** What the index keeps of a record: enough to filter and order a list, and where to read it. */
interface IndexEntry {
  start: number;
  /** The path without its namespace, shared between the records of one action. */
  name: string;
  ref: LineRef;
  visibleAt: number;
}

export class ActivationStore {
  /** In storage order, so the oldest segment's entries come first. */
  private readonly byId = new Map<string, IndexEntry>();
  private readonly names = new Map<string, string>();
  private readonly files: SegmentFiles;
  private readonly lagMs: () => number;

  constructor(options: ActivationStoreOptions) {
    mkdirSync(options.dir, { recursive: true });
    this.files = new SegmentFiles(options.dir, options);
    this.lagMs = options.lagMs ?? (() => 0);
    for (const { ref, text } of this.files.lines()) {
      const record = parseRecord(text);
      if (record) this.index(record, ref, 0);
    }
  }

  /** Writes the record to its segment (before the API acknowledges it), then indexes it. */
  put(record: ActivationRecord): void {
    const { ref, dropped } = this.files.append(JSON.stringify(record));
    this.forgetSegments(dropped);
    this.byId.delete(record.activationId);
    this.index(record, ref, Date.now() + this.lagMs());
  }

  /** The record if it is stored and visible yet; otherwise undefined (the API answers 404). */
  get(id: string): ActivationRecord | undefined {
    const entry = this.byId.get(id);
    return entry && entry.visibleAt <= Date.now() ? this.read(entry) : undefined;
  }

  list(query: ActivationQuery): Array<ActivationRecord | ActivationSummary> {
    const page = this.visible(query).slice(query.skip, query.skip + query.limit);
    return page.flatMap((entry) => {
      const record = this.read(entry);
      if (!record) return [];
      return [query.docs ? record : summarize(record)];
    });
  }

  count(query: Omit<ActivationQuery, 'skip' | 'limit' | 'docs'>): number {
    return this.visible({ ...query, skip: 0, limit: Infinity, docs: false }).length;
  }

  /** Records held (on disk, one index entry each), bytes on disk and segment files. */
  stats(): { records: number; bytes: number; segments: number } {
    return { records: this.byId.size, bytes: this.files.totalBytes(), segments: this.files.segmentCount() };
  }

  close(): void {
    this.files.close();
  }

  private index(record: ActivationRecord, ref: LineRef, visibleAt: number): void {
    const name = pathWithoutNamespace(record);
    const shared = this.names.get(name) ?? (this.names.set(name, name), name);
    this.byId.set(record.activationId, { start: record.start, name: shared, ref, visibleAt });
  }

  private forgetSegments(dropped: number[]): void {
    if (dropped.length === 0) return;
    const gone = new Set(dropped);
    for (const [id, entry] of this.byId) {
      if (!gone.has(entry.ref.segment)) break; // storage order: the dropped segments' entries come first
      this.byId.delete(id);
    }
    const live = new Set([...this.byId.values()].map((entry) => entry.name));
    for (const name of this.names.keys()) if (!live.has(name)) this.names.delete(name);
  }

  private read(entry: IndexEntry): ActivationRecord | undefined {
    const text = this.files.read(entry.ref);
    return text === undefined ? undefined : parseRecord(text);
  }

  private visible(query: ActivationQuery): IndexEntry[] {
    const now = Date.now();
    const out: IndexEntry[] = [];
    for (const entry of this.byId.values()) {
      if (entry.visibleAt > now) continue;
      if (query.name !== undefined && entry.name !== query.name) continue;
      if (query.since !== undefined && entry.start < query.since) continue;
      if (query.upto !== undefined && entry.start > query.upto) continue;
      out.push(entry);
    }
    // Newest first by start; ties keep the later-stored record first.
    return out.reverse().sort((a, b) => b.start - a.start);
  }
}

/** The activations folder inside a server's data folder. */
export function activationsDir(dataDir: string): string {
  return path.join(dataDir, 'activations');
}

function parseRecord(text: string): ActivationRecord | undefined {
  try {
    const value = JSON.parse(text) as ActivationRecord;
    return typeof value?.activationId === 'string' ? value : undefined;
  } catch {
    return undefined; // a line a crash cut short is not a record
  }
}

function pathWithoutNamespace(record: ActivationRecord): string {
  const path = String(record.annotations.find((a) => a.key === 'path')?.value ?? record.name);
  return path.slice(path.indexOf('/') + 1);
}
