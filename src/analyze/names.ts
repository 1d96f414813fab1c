// How a group's configuration reads in warnings and tables: "resize, 256 MB".
import type { GroupFigures } from '../types.js';

export function configurationName(g: Pick<GroupFigures, 'function' | 'memory_mb'>): string {
  return `${g.function ?? 'function not named'}, ${g.memory_mb === null ? 'memory not recorded' : `${g.memory_mb} MB`}`;
}
