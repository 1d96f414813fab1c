// The PUT body of an action (WhiskActionPut) and its limits, checked with OpenWhisk's bounds and
// defaults (COMMON_CONF: timeout 100..300000 ms default 60000, memory 128..512 MB default 256,
// logs 0..10 MB default 10, concurrency 1..1).
import { z } from 'zod';

export const LIMIT_BOUNDS = {
  timeout: { min: 100, max: 300_000, std: 60_000 },
  memory: { min: 128, max: 512, std: 256 },
  logs: { min: 0, max: 10, std: 10 },
  concurrency: { min: 1, max: 1, std: 1 },
} as const;

const keyValues = z.array(z.object({ key: z.string(), value: z.unknown() }));

const limitField = (name: string, unit: string, bounds: { min: number; max: number }) =>
  z
    .number({ error: `${name} limit must be a whole number` })
    .int(`${name} limit must be a whole number`)
    .refine((v) => v >= bounds.min, {
      error: (issue) => `${name} ${String(issue.input)} ${unit} below allowed threshold of ${bounds.min} ${unit}.`,
    })
    .refine((v) => v <= bounds.max, {
      error: (issue) => `${name} ${String(issue.input)} ${unit} exceeds allowed threshold of ${bounds.max} ${unit}.`,
    });

export const limitsSchema = z.object({
  timeout: limitField('duration', 'milliseconds', LIMIT_BOUNDS.timeout).optional(),
  memory: limitField('memory', 'MB', LIMIT_BOUNDS.memory).optional(),
  logs: limitField('log size', 'MB', LIMIT_BOUNDS.logs).optional(),
  concurrency: limitField('concurrency', 'activations', LIMIT_BOUNDS.concurrency).optional(),
});

export const execSchema = z.object({
  kind: z.string().min(1),
  code: z.string().optional(),
  main: z.string().optional(),
  image: z.string().optional(),
  binary: z.boolean().optional(),
  components: z.array(z.string()).optional(),
});

export const actionPutSchema = z.object({
  exec: execSchema.optional(),
  parameters: keyValues.optional(),
  annotations: keyValues.optional(),
  limits: limitsSchema.optional(),
  version: z.string().optional(),
  publish: z.boolean().optional(),
  delAnnotations: z.array(z.string()).optional(),
});

export type ActionPut = z.infer<typeof actionPutSchema>;
export type KeyValue = { key: string; value: unknown };
export interface ActionLimits {
  timeout: number;
  memory: number;
  logs: number;
  concurrency: number;
}

/** OpenWhisk derives `binary` from the code itself (Exec.scala isBinaryCode), ignoring the flag. */
export function isBinaryCode(code: string): boolean {
  const trimmed = code.trim();
  return trimmed.length > 0 && trimmed.length % 4 === 0 && /^[A-Za-z0-9+/]+={0,2}$/.test(trimmed);
}
