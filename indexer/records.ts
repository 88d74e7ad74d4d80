import { z } from 'zod';
import type { SourceRecord } from './types.js';

const optionalText = z.string().nullish();

/** An input record (.json/.jsonl) as the contract describes it; unknown fields are kept. */
export const recordSchema = z
  .looseObject({
    id: z
      .union([z.string().min(1), z.number()])
      .transform(String)
      .optional(),
    lang: optionalText,
    title: optionalText,
    date: optionalText,
    source: optionalText,
    url: optionalText,
    text: z.string({ message: '`text` is required and must be a string' }),
  })
  .refine((r) => r.text.trim().length > 0 || (r.title ?? '').trim().length > 0, {
    message: '`text` is empty (and there is no title)',
    path: ['text'],
  });

export type ParsedRecord = { ok: true; record: SourceRecord } | { ok: false; reason: string };

/** Validates one record; the reason names the offending fields. */
export function parseRecord(value: unknown): ParsedRecord {
  if (typeof value !== 'object' || value === null || Array.isArray(value)) {
    return { ok: false, reason: 'a record must be a JSON object with a `text` field' };
  }
  const parsed = recordSchema.safeParse(value);
  if (parsed.success) return { ok: true, record: parsed.data as SourceRecord };
  const reason = parsed.error.issues
    .map((issue) => (issue.path.length ? `${issue.path.join('.')}: ${issue.message}` : issue.message))
    .join('; ');
  return { ok: false, reason };
}
