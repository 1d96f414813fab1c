// Finished activation records, newest first, with OpenWhisk's list filters. A record becomes
// visible `lagMs` after it is stored, as a real deployment's store lags the active ack.
import { summarize, type ActivationRecord, type ActivationSummary } from './record.js';

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

interface Stored {
  record: ActivationRecord;
  visibleAt: number;
}

export class ActivationStore {
  private readonly byId = new Map<string, Stored>();

  constructor(private readonly lagMs: () => number = () => 0) {}

  put(record: ActivationRecord): void {
    this.byId.set(record.activationId, { record, visibleAt: Date.now() + this.lagMs() });
  }

  /** The record if it is stored and visible yet; otherwise undefined (the API answers 404). */
  get(id: string): ActivationRecord | undefined {
    const stored = this.byId.get(id);
    return stored && stored.visibleAt <= Date.now() ? stored.record : undefined;
  }

  list(query: ActivationQuery): Array<ActivationRecord | ActivationSummary> {
    const matching = this.visible(query);
    const page = matching.slice(query.skip, query.skip + query.limit);
    return page.map((record) => (query.docs ? record : summarize(record)));
  }

  count(query: Omit<ActivationQuery, 'skip' | 'limit' | 'docs'>): number {
    return this.visible({ ...query, skip: 0, limit: Infinity, docs: false }).length;
  }

  private visible(query: ActivationQuery): ActivationRecord[] {
    const now = Date.now();
    const out: ActivationRecord[] = [];
    for (const { record, visibleAt } of this.byId.values()) {
      if (visibleAt > now) continue;
      if (query.name !== undefined && pathWithoutNamespace(record) !== query.name) continue;
      if (query.since !== undefined && record.start < query.since) continue;
      if (query.upto !== undefined && record.start > query.upto) continue;
      out.push(record);
    }
    // Newest first by start; ties keep the later-stored record first.
    return out.reverse().sort((a, b) => b.start - a.start);
  }
}

function pathWithoutNamespace(record: ActivationRecord): string {
  const path = String(record.annotations.find((a) => a.key === 'path')?.value ?? record.name);
  return path.slice(path.indexOf('/') + 1);
}
