/**
 * OpenAPI query parameters from the zod schemas that parse them (server/params.ts). A parameter's zod schema wraps
 * the value a client sends in a shell — "one string or a list", "given at most once", a default filled in
 * afterwards — so neither zod's input nor its output JSON Schema says what to send (`anyOf [string, string[]]`,
 * or `{}` after a transform). This walks the shell down to the value's own schema (`limit` → an integer 1..100,
 * `sort` → its enum, `year` → a repeatable four-digit string) and lets `z.toJSONSchema` write that.
 */
import { z } from 'zod';

export type JsonSchema = Record<string, unknown>;

export interface OpenApiParameter {
  name: string;
  in: 'query' | 'path' | 'header';
  description: string;
  required: boolean;
  schema: JsonSchema;
  style?: 'form';
  explode?: boolean;
}

/** A parameter's description, and its examples when they say more than the schema. */
export interface ParameterDoc {
  description: string;
  example?: string | number;
}

type AnySchema = z.core.$ZodType;

interface WireValue {
  /** The schema the value (or each value, for a repeatable parameter) satisfies. */
  value: AnySchema;
  repeatable: boolean;
}

/** Is `schema` the shell's "one value or a list of them" union? Then the list's element is the value. */
function listUnion(schema: AnySchema): AnySchema | null {
  if (!(schema instanceof z.ZodUnion) || schema.options.length !== 2) return null;
  const [one, many] = schema.options;
  return many instanceof z.ZodArray && many.element === one && one ? one : null;
}

/** Walks from a parameter's schema to the schema of the value a client sends. */
export function wireValue(schema: AnySchema): WireValue {
  if (schema instanceof z.ZodOptional || schema instanceof z.ZodNullable) return wireValue(schema.unwrap());
  if (schema instanceof z.ZodDefault || schema instanceof z.ZodPrefault) return wireValue(schema.def.innerType);
  if (schema instanceof z.ZodPipe) {
    const from = schema.in;
    const to = schema.out;
    // A transform after the value (defaults, casts) says nothing about what is sent: the value is before it.
    if (to instanceof z.ZodTransform) return wireValue(from);
    // Otherwise the output side is the value's real type (a string checked, then read as an integer 1..100).
    const inner = wireValue(from);
    const outer = wireValue(to);
    return { value: outer.value, repeatable: inner.repeatable || outer.repeatable };
  }
  const item = listUnion(schema);
  if (item) return { value: wireValue(item).value, repeatable: true };
  return { value: schema, repeatable: false };
}

/**
 * zod writes the safe-integer range into every integer schema (`maximum: 9007199254740991`): bounds no client can
 * reach, left out so that the bounds a parameter really has stand out.
 */
export function dropSafeIntegerBounds(ctx: { jsonSchema: Record<string, unknown> }): void {
  const s = ctx.jsonSchema;
  if (s.maximum === Number.MAX_SAFE_INTEGER) delete s.maximum;
  if (s.minimum === Number.MIN_SAFE_INTEGER) delete s.minimum;
}

/** JSON Schema (2020-12, OpenAPI 3.1's dialect) of a value schema, without the `$schema` line. */
export function jsonSchemaOf(schema: AnySchema, io: 'input' | 'output' = 'output'): JsonSchema {
  const { $schema: _, ...rest } = z.toJSONSchema(schema, {
    target: 'draft-2020-12',
    io,
    unrepresentable: 'throw',
    override: dropSafeIntegerBounds,
  });
  return rest as JsonSchema;
}

/** The query parameters of one route, in the order of the zod object's fields. */
export function queryParameters<S extends z.ZodObject>(
  schema: S,
  docs: { [K in keyof z.input<S>]-?: ParameterDoc },
): OpenApiParameter[] {
  return Object.entries(schema.shape).map(([name, field]) => {
    const doc = (docs as Record<string, ParameterDoc>)[name];
    if (!doc) throw new Error(`query parameter \`${name}\` has no description`);
    const { value, repeatable } = wireValue(field);
    const item = jsonSchemaOf(value);
    const fallback = defaultOf(field, value);
    const described: JsonSchema = { ...item, ...(fallback !== undefined ? { default: fallback } : {}) };
    if (doc.example !== undefined) described.examples = [doc.example];
    return {
      name,
      in: 'query',
      description: doc.description,
      required: false,
      ...(repeatable
        ? { schema: { type: 'array', items: described }, style: 'form', explode: true }
        : { schema: described }),
    } satisfies OpenApiParameter;
  });
}

/**
 * The default a parameter takes when absent, when it is a value a client could send as well (limit 20, sort
 * relevance); parsing "nothing sent" is the one source, so the document cannot disagree with the parser.
 */
function defaultOf(field: AnySchema, value: AnySchema): unknown {
  const parsed = z.safeParse(field, undefined);
  if (!parsed.success || parsed.data === undefined || Array.isArray(parsed.data)) return undefined;
  const sent = typeof parsed.data === 'boolean' ? String(parsed.data) : parsed.data;
  return z.safeParse(value, sent).success || z.safeParse(value, String(sent)).success ? sent : undefined;
}
