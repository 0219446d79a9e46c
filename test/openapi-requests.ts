import fc from 'fast-check';

// Requests made from the OpenAPI document itself, so a new route is exercised without editing a test.

export type JsonSchema = {
  type?: string | string[];
  properties?: Record<string, JsonSchema>;
  required?: string[];
  items?: JsonSchema;
  anyOf?: JsonSchema[];
  oneOf?: JsonSchema[];
  allOf?: JsonSchema[];
  enum?: unknown[];
  const?: unknown;
  default?: unknown;
  format?: string;
  pattern?: string;
  minLength?: number;
  maxLength?: number;
  minimum?: number;
  maximum?: number;
  exclusiveMinimum?: number;
  exclusiveMaximum?: number;
  minItems?: number;
  maxItems?: number;
  additionalProperties?: boolean | JsonSchema;
  propertyNames?: JsonSchema;
  $ref?: string;
};

export type Operation = {
  method: string;
  // Fastify's form: /api/v1/people/:id
  url: string;
  pathParams: Record<string, JsonSchema>;
  query?: JsonSchema;
  body?: JsonSchema;
  contentType?: string;
};

type Document = { paths: Record<string, Record<string, { parameters?: { in: string; name: string; required?: boolean; schema: JsonSchema }[]; requestBody?: { content: Record<string, { schema: JsonSchema }> } }>>; components?: { schemas?: Record<string, JsonSchema> } };

export function operationsOf(document: unknown): Operation[] {
  const doc = document as Document;
  const resolve = (schema: JsonSchema): JsonSchema => {
    if (schema.$ref) return resolve(doc.components?.schemas?.[schema.$ref.split('/').pop()!] ?? {});
    return schema;
  };
  const deref = (schema: JsonSchema): JsonSchema => JSON.parse(JSON.stringify(schema), (_k, v) => (v && typeof v === 'object' && typeof v.$ref === 'string' ? resolve(v) : v));
  const result: Operation[] = [];
  for (const [path, methods] of Object.entries(doc.paths)) {
    for (const [method, operation] of Object.entries(methods)) {
      const pathParams: Record<string, JsonSchema> = {};
      const queryProps: Record<string, JsonSchema> = {};
      const queryRequired: string[] = [];
      for (const p of operation.parameters ?? []) {
        if (p.in === 'path') pathParams[p.name] = deref(p.schema);
        if (p.in === 'query') {
          queryProps[p.name] = deref(p.schema);
          if (p.required) queryRequired.push(p.name);
        }
      }
      const [contentType, media] = Object.entries(operation.requestBody?.content ?? {})[0] ?? [];
      result.push({
        method: method.toUpperCase(),
        url: path.replace(/\{(\w+)\}/g, ':$1'),
        pathParams,
        query: Object.keys(queryProps).length ? { type: 'object', properties: queryProps, required: queryRequired } : undefined,
        body: media ? deref(media.schema) : undefined,
        contentType,
      });
    }
  }
  return result;
}

const typeOf = (schema: JsonSchema): string | undefined => {
  if (Array.isArray(schema.type)) return schema.type.find((t) => t !== 'null');
  return schema.type;
};

const sampleOf = <T>(arbitrary: fc.Arbitrary<T>): T => fc.sample(arbitrary, { numRuns: 1, seed: 42 })[0]!;

// A small multipart upload (field "file"), for routes that consume multipart/form-data.
export function multipartUpload(filename = 'contacts.csv', content = 'First Name,Last Name,Email Address\nSam,Upload,sam.upload@example.org\n') {
  const boundary = '----onland-test-boundary';
  const payload = `--${boundary}\r\ncontent-disposition: form-data; name="file"; filename="${filename}"\r\ncontent-type: text/csv\r\n\r\n${content}\r\n--${boundary}--\r\n`;
  return { payload, headers: { 'content-type': `multipart/form-data; boundary=${boundary}` } };
}

// A plausible, valid value: defaults first, then the first enum member, then the smallest value the schema allows.
// `idFor(name)` supplies ids for properties named like ids (personId, otherId…); `name` is the property's name.
export function exampleOf(schema: JsonSchema, name = '', idFor: (name: string) => string | undefined = () => undefined): unknown {
  if (schema.const !== undefined) return schema.const;
  if (schema.default !== undefined) return schema.default;
  if (schema.enum) return schema.enum[0];
  const options = schema.anyOf ?? schema.oneOf;
  if (options) return exampleOf(options.find((o) => typeOf(o) !== 'null' && o.type !== 'null') ?? options[0]!, name, idFor);
  if (schema.allOf) return exampleOf(Object.assign({}, ...schema.allOf), name, idFor);
  switch (typeOf(schema)) {
    case 'object': {
      const value: Record<string, unknown> = {};
      for (const key of schema.required ?? []) value[key] = exampleOf(schema.properties?.[key] ?? {}, key, idFor);
      // Optional ids are filled too when the caller knows them (a check-in names its registration).
      for (const [key, property] of Object.entries(schema.properties ?? {})) {
        if (key in value || !namesId(property, key, idFor)) continue;
        const example = exampleOf(property, key, idFor);
        // An optional list that holds ids gets one item, so the id is sent.
        value[key] = Array.isArray(example) && !example.length && property.items ? [exampleOf(property.items, key, idFor)] : example;
      }
      return value;
    }
    case 'array': {
      const count = schema.minItems ?? 0;
      return Array.from({ length: count }, () => exampleOf(schema.items ?? {}, name, idFor));
    }
    case 'integer':
    case 'number':
      return schema.minimum ?? (schema.exclusiveMinimum !== undefined ? schema.exclusiveMinimum + 1 : Math.min(1, schema.maximum ?? 1));
    case 'boolean':
      return false;
    case 'string':
      return exampleString(schema, name, idFor);
    default:
      return null;
  }
}

// Whether a property is, or holds, an id the caller can supply.
function namesId(schema: JsonSchema, name: string, idFor: (name: string) => string | undefined): boolean {
  if (idFor(name) !== undefined) return true;
  const options = [...(schema.anyOf ?? []), ...(schema.oneOf ?? []), ...(schema.items ? [schema.items] : [])];
  if (options.some((o) => namesId(o, name, idFor))) return true;
  return Object.entries(schema.properties ?? {}).some(([key, property]) => namesId(property, key, idFor));
}

function exampleString(schema: JsonSchema, name: string, idFor: (name: string) => string | undefined): string {
  if (schema.format === 'uuid') return idFor(name) ?? '00000000-0000-4000-8000-000000000001';
  if (schema.format === 'email' || /email/i.test(name)) return 'someone@example.org';
  if (schema.format === 'uri' || /url$/i.test(name)) return 'https://example.org/a';
  if (schema.format === 'date-time') return '2026-03-10T10:00:00.000Z';
  if (schema.format === 'date') return '2026-03-10';
  if (/timezone/i.test(name)) return 'Europe/Berlin';
  // Plain values first (a generated string may match a pattern but not a calendar: month 00).
  const plain = ['2026-03-12T19:00', '2026-03-02', '09:00', '2026-W10', 'x'].find((v) => new RegExp(schema.pattern ?? '^$').test(v));
  if (schema.pattern && plain) return plain;
  if (schema.pattern) return sampleOf(fc.stringMatching(new RegExp(schema.pattern)).filter((s) => s.length >= (schema.minLength ?? 0) && s.length <= (schema.maxLength ?? Infinity)));
  return 'x'.repeat(Math.max(schema.minLength ?? 1, 1));
}

// Valid values: everything the schema allows, bounded so requests stay small.
export function validArbitrary(schema: JsonSchema, name = ''): fc.Arbitrary<unknown> {
  if (schema.const !== undefined) return fc.constant(schema.const);
  if (schema.enum) return fc.constantFrom(...schema.enum);
  const options = schema.anyOf ?? schema.oneOf;
  if (options) return fc.oneof(...options.map((o) => validArbitrary(o, name)));
  if (schema.allOf) return validArbitrary(Object.assign({}, ...schema.allOf), name);
  switch (typeOf(schema)) {
    case 'null':
      return fc.constant(null);
    case 'object': {
      const properties = schema.properties ?? {};
      const keys = Object.keys(properties);
      if (!keys.length && schema.additionalProperties && typeof schema.additionalProperties === 'object') {
        return fc.dictionary(fc.string({ minLength: 1, maxLength: 12 }), validArbitrary(schema.additionalProperties), { maxKeys: 3 });
      }
      const record: Record<string, fc.Arbitrary<unknown>> = {};
      for (const key of keys) record[key] = validArbitrary(properties[key]!, key);
      return fc.record(record, { requiredKeys: (schema.required ?? []).filter((k) => k in record) });
    }
    case 'array':
      return fc.array(validArbitrary(schema.items ?? {}, name), { minLength: schema.minItems ?? 0, maxLength: Math.min(schema.maxItems ?? 4, Math.max(schema.minItems ?? 0, 4)) });
    case 'integer': {
      const min = schema.minimum ?? (schema.exclusiveMinimum !== undefined ? schema.exclusiveMinimum + 1 : -1000);
      const max = schema.maximum ?? (schema.exclusiveMaximum !== undefined ? schema.exclusiveMaximum - 1 : 100_000);
      return fc.integer({ min, max });
    }
    case 'number':
      return fc.double({ min: schema.minimum ?? -1e6, max: schema.maximum ?? 1e6, noNaN: true, noDefaultInfinity: true });
    case 'boolean':
      return fc.boolean();
    case 'string':
      return stringArbitrary(schema, name);
    default:
      return fc.oneof(fc.string(), fc.integer(), fc.constant(null));
  }
}

function stringArbitrary(schema: JsonSchema, name: string): fc.Arbitrary<string> {
  const minLength = schema.minLength ?? 0;
  const maxLength = Math.min(schema.maxLength ?? 80, Math.max(minLength, 80));
  if (schema.format === 'uuid') return fc.uuid();
  if (schema.format === 'email' || /email/i.test(name)) return fc.emailAddress();
  if (schema.format === 'uri' || /url$/i.test(name)) return fc.webUrl();
  if (schema.format === 'date-time') return fc.date({ min: new Date('2000-01-01'), max: new Date('2100-01-01'), noInvalidDate: true }).map((d) => d.toISOString());
  if (schema.format === 'date') return fc.date({ min: new Date('2000-01-01'), max: new Date('2100-01-01'), noInvalidDate: true }).map((d) => d.toISOString().slice(0, 10));
  if (/timezone/i.test(name)) return fc.constantFrom('Europe/Berlin', 'UTC', 'America/New_York', 'Asia/Kathmandu', 'Nowhere/Special');
  if (schema.pattern) return fc.stringMatching(new RegExp(schema.pattern)).filter((s) => s.length >= minLength && s.length <= (schema.maxLength ?? Infinity));
  return fc.string({ minLength, maxLength, unit: 'grapheme' });
}

// Values a client should not send: wrong types, out of range, huge, hostile strings, missing or extra fields.
export function invalidArbitrary(schema: JsonSchema): fc.Arbitrary<unknown> {
  const hostile = fc.constantFrom('', ' ', '\u0000', '%00', '../../etc/passwd', '{"$ne":null}', "'; drop table people; --", '<script>window.__xss=1</script>', '\uD800', '𝕏'.repeat(500), 'a'.repeat(70_000), '-1', 'NaN', '1e309', '__proto__', 'constructor');
  const anything = fc.oneof(fc.constant(null), fc.boolean(), fc.integer(), fc.double(), fc.string(), hostile, fc.array(fc.string(), { maxLength: 3 }), fc.dictionary(fc.string(), fc.string(), { maxKeys: 3 }), fc.constant({ __proto__: { polluted: true } }));
  const type = typeOf(schema);
  if (type === 'object' && schema.properties) {
    const keys = Object.keys(schema.properties);
    return fc.oneof(
      anything,
      // one field replaced by something of the wrong kind
      fc.tuple(validArbitrary(schema), fc.constantFrom(...(keys.length ? keys : ['x'])), anything).map(([value, key, bad]) => ({ ...(value as object), [key]: bad })),
      // a required field left out
      fc.tuple(validArbitrary(schema), fc.constantFrom(...((schema.required?.length ? schema.required : keys).length ? (schema.required?.length ? schema.required : keys) : ['x']))).map(([value, key]) => {
        const copy = { ...(value as Record<string, unknown>) };
        delete copy[key];
        return copy;
      }),
      fc.tuple(validArbitrary(schema), fc.string({ minLength: 1, maxLength: 10 }), anything).map(([value, key, extra]) => ({ ...(value as object), [key]: extra })),
    );
  }
  return anything;
}

// A string for a path segment: valid for the parameter's schema, or hostile.
export function pathArbitrary(schema: JsonSchema, known: string[]): fc.Arbitrary<string> {
  return fc.oneof(
    { arbitrary: fc.constantFrom(...(known.length ? known : ['00000000-0000-4000-8000-000000000001'])), weight: 3 },
    { arbitrary: validArbitrary(schema).map(String), weight: 2 },
    { arbitrary: fc.constantFrom('..', '%2e%2e', '%00', 'null', '0', '-1', "1'or'1'='1", '%E0%A4%A', 'ffffffff-ffff-ffff-ffff-ffffffffffff', 'a'.repeat(400)), weight: 1 },
    { arbitrary: fc.string({ minLength: 1, maxLength: 40 }).map(encodeURIComponent), weight: 1 },
  );
}
