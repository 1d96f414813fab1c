// Which function each row ran, where the data does not say (README "What a group is"): the
// action's name without its package path and without the numbering cold-start forcing adds —
// owbench's fresh action per trial (`owbench-<run>-<runtime>-c<N>-r<N>-i<N>`, deploy.ts) and
// numbered copies (`mobilenet_native_rust1` … `5`, one per concurrent invocation). A trailing
// number counts as numbering only when another action in the inputs has the same stem with
// another number, so a lone `resnet50` keeps its name.
import type { ActivationStore } from '../table/store.js';

const FRESH_ACTION = /^(owbench-[0-9a-f]{8}-.+)-c\d+-r\d+-i\d+$/;
const NUMBERED = /^(.*\D)(\d+)$/;

/** The function of an action name, given the names present (numbered siblings). */
export function functionOfAction(action: string, numberedStems: ReadonlySet<string>): string {
  const name = unnumberedFresh(action);
  const numbered = NUMBERED.exec(name);
  if (numbered === null || !numberedStems.has(numbered[1])) return name;
  const stem = numbered[1].replace(/[-_.]$/, '');
  return stem === '' ? name : stem;
}

function unnumberedFresh(action: string): string {
  const name = action.slice(action.lastIndexOf('/') + 1);
  return FRESH_ACTION.exec(name)?.[1] ?? name;
}

/** Stems shared by two or more distinct numbered names. */
export function numberedStemsOf(actions: Iterable<string>): Set<string> {
  const numbers = new Map<string, Set<string>>();
  for (const action of actions) {
    const numbered = NUMBERED.exec(unnumberedFresh(action));
    if (numbered === null) continue;
    const seen = numbers.get(numbered[1]) ?? new Set<string>();
    seen.add(numbered[2]);
    numbers.set(numbered[1], seen);
  }
  return new Set([...numbers].filter(([, seen]) => seen.size > 1).map(([stem]) => stem));
}

/** Fills `function` from the action name on every row that has an action but no function. */
export function deriveFunctions(store: ActivationStore): void {
  const action = store.labels.action;
  if (action.codes === null) return;
  const fn = store.codes('function');
  const actions = new Set<string>();
  for (let i = 0; i < store.length; i++) if (fn[i] === -1 && action.codes[i] !== -1) actions.add(action.values[action.codes[i]]);
  if (actions.size === 0) return;
  const stems = numberedStemsOf(actions);
  const functionOf = action.values.map((name) => functionOfAction(name, stems));
  for (let i = 0; i < store.length; i++) {
    if (fn[i] === -1 && action.codes[i] !== -1) store.setLabel('function', i, functionOf[action.codes[i]]);
  }
}
