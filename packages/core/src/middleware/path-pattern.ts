/**
 * Middleware paths, in NestJS 11 syntax (path-to-regexp v8: `:id`, `*splat`, `{*splat}`, `{/:id}`),
 * with the legacy forms NestJS still converts (`*`, `(.*)`, `:id?`). Each path is compiled once
 * into a RegExp for request paths (case-insensitive, optional trailing slash, as Express matches)
 * and a segment shape, which lets most routes be matched once at startup instead of per request.
 */
export interface PathPattern {
  /** The path after normalisation (leading slash, legacy wildcards converted): for messages. */
  readonly source: string;
  readonly regex: RegExp;
  /** `*`, `(.*)`, `/{*path}`: every path. */
  readonly matchesEverything: boolean;
  readonly segments: readonly PatternSegment[];
  /** What may follow the segments. */
  readonly tail: PatternTail;
  /**
   * False when some part before the tail may span several segments (a wildcard mid-path, an
   * optional group that is not last): segments after the first `other` then have no fixed position.
   */
  readonly aligned: boolean;
}

export type PatternSegment =
  | { readonly kind: 'literal'; readonly text: string }
  | { readonly kind: 'param'; readonly constraint?: RegExp }
  | { readonly kind: 'other' };

/**
 * - `optional-segment`: `{/:id}` — one more segment, or none;
 * - `rest-after-slash`: `/{*path}` (and legacy `/*`) — a slash, then anything, possibly nothing;
 * - `rest-optional`: `{/*path}` — nothing, or a slash and at least one character;
 * - `rest-required`: `/*path` — a slash and at least one character.
 */
export type PatternTail = 'none' | 'optional-segment' | 'rest-after-slash' | 'rest-optional' | 'rest-required';

type Item =
  | { readonly type: 'text'; readonly value: string }
  | { readonly type: 'param'; readonly constraint?: string }
  | { readonly type: 'wildcard' }
  | { readonly type: 'group'; readonly items: readonly Item[] };

const NAME_START = /[A-Za-z_$]/;
const NAME_CHAR = /[\w$]/;

export function compilePathPattern(path: string): PathPattern {
  const source = normalizeLegacySyntax(path);
  const items = parseItems(source);
  return {
    source,
    regex: new RegExp(`^${regexSourceOf(items)}\\/?$`, 'i'),
    matchesEverything: isEverything(items),
    ...shapeOf(items),
  };
}

/**
 * Leading slash added, trailing slash dropped, and NestJS 11's conversions of legacy syntax:
 * `(.*)` and a trailing `*` match anything (possibly nothing), a `*` segment mid-path one or more
 * characters, `/:id?` is `{/:id}`.
 */
export function normalizeLegacySyntax(path: string): string {
  let result = path.trim();
  if (!result.startsWith('/')) result = `/${result}`;
  if (result.length > 1) result = result.replace(/\/+$/, '') || '/';
  return result
    .replace(/\(\.\*\)/g, '{*path}')
    .replace(/\/:([A-Za-z_$][\w$]*)\?/g, '{/:$1}')
    .replace(/(?<!\\)\/\*(?=\/)/g, '/*path')
    .replace(/(?<!\\)\*(?![A-Za-z_$])/g, '{*path}');
}

function parseItems(source: string): Item[] {
  let index = 0;
  const parse = (insideGroup: boolean): Item[] => {
    const items: Item[] = [];
    let text = '';
    const flushText = (): void => {
      if (text !== '') items.push({ type: 'text', value: text });
      text = '';
    };
    while (index < source.length) {
      const char = source[index];
      if (char === '\\' && index + 1 < source.length) {
        text += source[index + 1];
        index += 2;
      } else if (char === '}' && insideGroup) {
        index++;
        flushText();
        return items;
      } else if (char === '{') {
        index++;
        flushText();
        items.push({ type: 'group', items: parse(true) });
      } else if ((char === ':' || char === '*') && NAME_START.test(source[index + 1] ?? '')) {
        index++;
        while (index < source.length && NAME_CHAR.test(source[index])) index++;
        flushText();
        if (char === '*') {
          items.push({ type: 'wildcard' });
        } else if (source[index] === '(') {
          const end = closingParenthesis(source, index);
          items.push({ type: 'param', constraint: source.slice(index + 1, end) });
          index = end + 1;
        } else {
          items.push({ type: 'param' });
        }
      } else {
        text += char;
        index++;
      }
    }
    if (insideGroup) throw new Error(`Invalid middleware path ${source}: "{" is never closed`);
    flushText();
    return items;
  };
  return parse(false);
}

function closingParenthesis(source: string, open: number): number {
  let depth = 0;
  for (let i = open; i < source.length; i++) {
    if (source[i] === '\\') i++;
    else if (source[i] === '(') depth++;
    else if (source[i] === ')' && --depth === 0) return i;
  }
  throw new Error(`Invalid middleware path ${source}: "(" is never closed`);
}

function regexSourceOf(items: readonly Item[]): string {
  let source = '';
  for (const item of items) {
    switch (item.type) {
      case 'text':
        source += item.value.replace(/[.*+?^${}()|[\]\\/]/g, '\\$&');
        break;
      case 'param':
        source += item.constraint === undefined ? '([^/]+)' : `(${item.constraint})`;
        break;
      case 'wildcard':
        source += '([\\s\\S]+)';
        break;
      case 'group':
        source += `(?:${regexSourceOf(item.items)})?`;
        break;
    }
  }
  return source;
}

function isEverything(items: readonly Item[]): boolean {
  const [first, second] = items;
  return (
    items.length === 2 &&
    first.type === 'text' &&
    first.value === '/' &&
    second.type === 'group' &&
    second.items.length === 1 &&
    second.items[0].type === 'wildcard'
  );
}

/** Splits the items into segments and recognises the tails the boot-time matching understands. */
function shapeOf(items: readonly Item[]): Pick<PathPattern, 'segments' | 'tail' | 'aligned'> {
  const segments: PatternSegment[] = [];
  let current: Item[] = [];
  let tail: PatternTail = 'none';
  let aligned = true;
  const closeSegment = (): void => {
    segments.push(classify(current));
    current = [];
  };
  // The normalised path starts with '/': that slash opens the first segment rather than closing one.
  const body = withoutLeadingSlash(items);
  body.forEach((item, index) => {
    const last = index === body.length - 1;
    if (item.type === 'text') {
      item.value.split('/').forEach((piece, n) => {
        if (n > 0) closeSegment();
        if (piece !== '') current.push({ type: 'text', value: piece });
      });
    } else if (item.type === 'param') {
      current.push(item);
    } else if (last && item.type === 'wildcard' && current.length === 0) {
      tail = 'rest-required';
    } else if (last && item.type === 'group' && groupTail(item.items, current.length === 0) !== undefined) {
      tail = groupTail(item.items, current.length === 0)!;
      if (current.length > 0) closeSegment();
    } else {
      current.push(item);
      aligned = false;
    }
  });
  if (current.length > 0) closeSegment();
  return { segments, tail, aligned };
}

/** The tail a final `{...}` group forms, if it is one of the recognised ones. */
function groupTail(items: readonly Item[], afterSlash: boolean): PatternTail | undefined {
  const [first, second] = items;
  if (afterSlash) return items.length === 1 && first.type === 'wildcard' ? 'rest-after-slash' : undefined;
  if (items.length !== 2 || first.type !== 'text' || first.value !== '/') return undefined;
  if (second.type === 'wildcard') return 'rest-optional';
  if (second.type === 'param' && second.constraint === undefined) return 'optional-segment';
  return undefined;
}

function withoutLeadingSlash(items: readonly Item[]): Item[] {
  const [first, ...rest] = items;
  if (first === undefined || first.type !== 'text' || !first.value.startsWith('/')) return [...items];
  return first.value === '/' ? rest : [{ type: 'text', value: first.value.slice(1) }, ...rest];
}

function classify(parts: readonly Item[]): PatternSegment {
  if (parts.length !== 1) return { kind: 'other' };
  const [part] = parts;
  if (part.type === 'text') return { kind: 'literal', text: part.value.toLowerCase() };
  if (part.type === 'param') {
    return part.constraint === undefined ? { kind: 'param' } : { kind: 'param', constraint: new RegExp(`^(?:${part.constraint})$`, 'i') };
  }
  return { kind: 'other' };
}
