import type Ajv from 'ajv';

/** Checks a string against a named format. */
export type FormatCheck = RegExp | ((value: string) => boolean);

// ajv-formats is not a dependency of core, and ajv's strict mode rejects a schema naming a format
// it does not know. These cover what TypeBox users write most; anything else is registered with
// `registerSchemaFormat` or fails at boot, naming the route. Every pattern is anchored and free
// of nested quantifiers, so matching stays linear on hostile input.
const DATE = /^(\d{4})-(\d{2})-(\d{2})$/;
const TIME = /^([01]\d|2[0-3]):([0-5]\d):([0-5]\d|60)(\.\d+)?(z|[+-]([01]\d|2[0-3]):[0-5]\d)$/i;
const OCTET = '(?:25[0-5]|2[0-4]\\d|1\\d\\d|[1-9]?\\d)';

const DAYS_IN_MONTH = [31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31];

function isDate(value: string): boolean {
  const match = DATE.exec(value);
  if (match === null) return false;
  const year = Number(match[1]);
  const month = Number(match[2]);
  const day = Number(match[3]);
  const leap = year % 4 === 0 && (year % 100 !== 0 || year % 400 === 0);
  return month >= 1 && month <= 12 && day >= 1 && day <= (month === 2 && leap ? 29 : DAYS_IN_MONTH[month - 1]);
}

function isDateTime(value: string): boolean {
  // RFC 3339 allows 't' and (in its note) a space as the separator.
  const separator = value.search(/[Tt ]/);
  return separator === 10 && isDate(value.slice(0, 10)) && TIME.test(value.slice(11));
}

const builtInFormats: Readonly<Record<string, FormatCheck>> = {
  email: (value) => value.length <= 254 && /^[\w.!#$%&'*+/=?^`{|}~-]+@[a-z0-9-]+(?:\.[a-z0-9-]+)+$/i.test(value),
  uuid: /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i,
  'date-time': isDateTime,
  date: isDate,
  time: TIME,
  uri: /^[a-z][a-z0-9+.-]*:[^\s]*$/i,
  ipv4: new RegExp(`^${OCTET}(?:\\.${OCTET}){3}$`),
};

const formats = new Map<string, FormatCheck>(Object.entries(builtInFormats));
const ajvInstances = new Set<Ajv>();

/**
 * Teaches every validator a string format, e.g. `registerSchemaFormat('phone', /^\+[0-9]{6,15}$/)`.
 * Call it before the application starts: routes are compiled once, at boot. Registering a
 * built-in name replaces it.
 */
export function registerSchemaFormat(name: string, check: FormatCheck): void {
  formats.set(name, check);
  for (const ajv of ajvInstances) ajv.addFormat(name, toAjvFormat(check));
}

/** Gives an ajv instance every registered format, and the ones registered later. */
export function installFormats(ajv: Ajv): void {
  ajvInstances.add(ajv);
  for (const [name, check] of formats) ajv.addFormat(name, toAjvFormat(check));
}

/** The formats as ajv options, for fast-json-stringify's own ajv (it picks anyOf branches with it). */
export function formatsAsAjvOption(): Record<string, { type: 'string'; validate: (value: string) => boolean }> {
  return Object.fromEntries([...formats].map(([name, check]) => [name, toAjvFormat(check)]));
}

function toAjvFormat(check: FormatCheck): { type: 'string'; validate: (value: string) => boolean } {
  if (typeof check === 'function') return { type: 'string', validate: check };
  // A /g or /y pattern keeps `lastIndex` between calls and would fail every other value.
  const pattern = check.global || check.sticky ? new RegExp(check.source, check.flags.replace(/[gy]/g, '')) : check;
  return { type: 'string', validate: (value) => pattern.test(value) };
}
