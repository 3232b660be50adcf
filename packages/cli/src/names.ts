import { CliError } from './errors';

/** The words of a name, however it was written: `UserProfile`, `user-profile`, `user_profile`, `HTTPClient`. */
function words(input: string): string[] {
  return input
    .replace(/([a-z\d])([A-Z])/g, '$1 $2')
    .replace(/([A-Z]+)([A-Z][a-z])/g, '$1 $2')
    .split(/[^A-Za-z\d]+/)
    .filter((word) => word.length > 0)
    .map((word) => word.toLowerCase());
}

/** `UserProfile` → `user-profile` (file and folder names). */
export function toKebabCase(input: string): string {
  return words(input).join('-');
}

/** `user-profile` → `UserProfile` (class names). */
export function toPascalCase(input: string): string {
  return words(input)
    .map((word) => word[0]!.toUpperCase() + word.slice(1))
    .join('');
}

/** `user-profile` → `userProfile` (variables). */
export function toCamelCase(input: string): string {
  const pascal = toPascalCase(input);
  return pascal.length === 0 ? pascal : pascal[0]!.toLowerCase() + pascal.slice(1);
}

const IRREGULAR_SINGULARS: Record<string, string> = {
  people: 'person',
  children: 'child',
  men: 'man',
  women: 'woman',
  mice: 'mouse',
  geese: 'goose',
  teeth: 'tooth',
  feet: 'foot',
};

/** `cats` → `cat`, `categories` → `category`, `boxes` → `box`: enough English for entity names. */
export function singularize(kebabName: string): string {
  const parts = kebabName.split('-');
  const last = parts.pop()!;
  const single =
    IRREGULAR_SINGULARS[last] ??
    (/[^aeiou]ies$/.test(last)
      ? last.slice(0, -3) + 'y'
      : /(ss|x|z|ch|sh)es$/.test(last)
        ? last.slice(0, -2)
        : /[^s]s$/.test(last) && !/(us|is)$/.test(last)
          ? last.slice(0, -1)
          : last);
  return [...parts, single].join('-');
}

/** A generated element's name, split into the folder it goes in and its own normalised forms. */
export interface ElementName {
  /** Folders given before the name (`admin/users` → `admin`), kebab-cased; '' when none. */
  readonly directory: string;
  /** `user-profile` */
  readonly fileName: string;
  /** `UserProfile` */
  readonly className: string;
  /** `userProfile` */
  readonly propertyName: string;
}

/**
 * Parses what the user typed after the schematic: `users`, `UserProfile`, `admin/users`. A trailing
 * `suffix` (`CatsController`, `cats.controller`) is dropped so that the class is not `CatsControllerController`.
 */
export function parseElementName(raw: string, suffix?: string): ElementName {
  const segments = raw.replace(/\\/g, '/').split('/');
  if (raw.startsWith('/') || segments.some((segment) => segment === '..' || segment === '.')) {
    throw new CliError(`"${raw}" is not a valid name: use a name, optionally under folders inside the source root (e.g. admin/users).`);
  }
  let base = segments.pop() ?? '';
  if (suffix !== undefined) {
    const withoutSuffix = base.replace(new RegExp(`[._-]?${suffix}$`, 'i'), '');
    if (toKebabCase(withoutSuffix).length > 0) base = withoutSuffix;
  }
  const fileName = toKebabCase(base);
  if (!/^[a-z]/.test(fileName)) {
    throw new CliError(`"${raw}" is not a valid name: it must start with a letter (e.g. "cats", "UserProfile", "admin/users").`);
  }
  const directory = segments.map((segment) => toKebabCase(segment)).filter((segment) => segment.length > 0).join('/');
  return { directory, fileName, className: toPascalCase(base), propertyName: toCamelCase(base) };
}

/** An npm package name for `armature new <name>`: `My App` → `my-app`, scopes kept (`@acme/api`). */
export function toPackageName(raw: string): string {
  const scoped = /^@([^/]+)\/(.+)$/.exec(raw.trim());
  const name = scoped ? `@${toKebabCase(scoped[1]!)}/${toKebabCase(scoped[2]!)}` : toKebabCase(raw);
  if (!/^(@[a-z\d][a-z\d-]*\/)?[a-z][a-z\d-]*$/.test(name) || name.length > 214) {
    throw new CliError(`"${raw}" cannot be a project name: use letters, digits and dashes, starting with a letter (e.g. "my-api").`);
  }
  return name;
}
