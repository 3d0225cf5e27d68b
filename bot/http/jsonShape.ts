// Shape limits for JSON a client sends, checked before anything is stored, echoed or handed to
// the SDK. JSON.parse copes with very deep nesting, but JSON.stringify and every recursive
// walker after it (the SDK's serialiser, our own logs) overflow the stack on it; a body of a
// few kilobytes nested 5,000 deep once turned every later poll of its conversation into a 500.
// The walk here is iterative, so it cannot overflow on what it is checking.

export interface JsonShapeLimits {
  /** Deepest nesting of objects and arrays (the top level is depth 1). */
  maxDepth: number;
  /** Most values (objects, arrays, strings, numbers...) in the whole document. */
  maxNodes: number;
  /** Longest property name. */
  maxKeyLength: number;
}

/** Bot Framework activities with cards stay far inside these; nothing real comes near them. */
export const ACTIVITY_SHAPE: JsonShapeLimits = { maxDepth: 32, maxNodes: 20_000, maxKeyLength: 256 };

/** What is wrong with the document's shape, or undefined when it is within the limits. */
export function jsonShapeProblem(value: unknown, limits: JsonShapeLimits = ACTIVITY_SHAPE): string | undefined {
  const stack: Array<{ value: unknown; depth: number }> = [{ value, depth: 1 }];
  let nodes = 0;
  while (stack.length > 0) {
    const { value: current, depth } = stack.pop()!;
    nodes++;
    if (nodes > limits.maxNodes) return `it has more than ${limits.maxNodes} values`;
    if (current === null || typeof current !== 'object') continue;
    if (depth > limits.maxDepth) return `it is nested more than ${limits.maxDepth} levels deep`;
    if (Array.isArray(current)) {
      for (const item of current) stack.push({ value: item, depth: depth + 1 });
      continue;
    }
    for (const key of Object.keys(current)) {
      if (key.length > limits.maxKeyLength) return `a property name is longer than ${limits.maxKeyLength} characters`;
      stack.push({ value: (current as Record<string, unknown>)[key], depth: depth + 1 });
    }
  }
  return undefined;
}

/** Size of a value once serialised, in UTF-8 bytes; only call on a value that passed the shape check. */
export function jsonBytes(value: unknown): number {
  return value === undefined ? 0 : Buffer.byteLength(JSON.stringify(value) ?? '');
}
