// What the package, trigger and rule stores share: entities by name, listed newest update first
// (OpenWhisk's list views sort by `updated`, descending).
export class EntityMap<T extends { updated: number }> {
  protected readonly entries = new Map<string, T>();

  constructor(readonly namespace: string) {}

  get(name: string): T | undefined {
    return this.entries.get(name);
  }

  list(): T[] {
    return [...this.entries.values()].sort((a, b) => b.updated - a.updated);
  }
}
