// The audit chain hashes this text, so one value must always give the same bytes, in the browser and on the
// server, years apart. Keys are sorted by UTF-16 code units and strings and numbers are written as
// JSON.stringify writes them, which matches RFC 8785 (JCS) for the values accepted here.

function fail(path: string, reason: string): never {
  throw new TypeError(`canonicalJson: ${path} ${reason}`);
}

function isPlainObject(value: object): boolean {
  const prototype: unknown = Object.getPrototypeOf(value);
  return prototype === Object.prototype || prototype === null;
}

function write(value: unknown, path: string, open: Set<object>): string {
  switch (typeof value) {
    case 'string':
    case 'boolean':
      return JSON.stringify(value);
    case 'number':
      if (!Number.isFinite(value)) fail(path, `is ${value}, which JSON cannot represent`);
      return JSON.stringify(value);
    case 'object':
      break;
    default:
      // undefined is only dropped as an object property; elsewhere it would silently become null.
      return fail(
        path,
        `is ${value === undefined ? 'undefined' : `a ${typeof value}`}, which has no canonical JSON form`,
      );
  }
  if (value === null) return 'null';
  if (open.has(value)) fail(path, 'refers back to itself');
  if (!Array.isArray(value) && !isPlainObject(value)) {
    // Dates, class instances etc. must be turned into plain data on purpose: Date.toJSON drops the
    // microseconds PostgreSQL keeps, and a hash over that would not verify.
    fail(
      path,
      `is a ${value.constructor?.name ?? 'non-plain object'}; pass plain objects, arrays and strings`,
    );
  }
  open.add(value);
  let text: string;
  if (Array.isArray(value)) {
    text = `[${value.map((item: unknown, index) => write(item, `${path}[${index}]`, open)).join(',')}]`;
  } else {
    const record = value as Record<string, unknown>;
    const members = Object.keys(record)
      .filter((key) => record[key] !== undefined)
      .sort()
      .map((key) => `${JSON.stringify(key)}:${write(record[key], `${path}.${key}`, open)}`);
    text = `{${members.join(',')}}`;
  }
  open.delete(value);
  return text;
}

/**
 * Canonical JSON: object keys sorted at every level, no whitespace, undefined properties dropped, arrays in
 * order. Throws on NaN, Infinity, undefined outside an object property, functions, symbols, bigints, cycles
 * and non-plain objects such as Date.
 */
export function canonicalJson(value: unknown): string {
  return write(value, '$', new Set());
}
