import { CliError, parseElementName, singularize, toCamelCase, toKebabCase, toPackageName, toPascalCase } from '@armature/cli';

describe('names', () => {
  it.each([
    ['UserProfile', 'user-profile', 'UserProfile', 'userProfile'],
    ['userProfile', 'user-profile', 'UserProfile', 'userProfile'],
    ['user_profile', 'user-profile', 'UserProfile', 'userProfile'],
    ['user-profile', 'user-profile', 'UserProfile', 'userProfile'],
    ['User Profile', 'user-profile', 'UserProfile', 'userProfile'],
    ['HTTPClient', 'http-client', 'HttpClient', 'httpClient'],
    ['cats2', 'cats2', 'Cats2', 'cats2'],
  ])('%s → %s / %s / %s', (input, kebab, pascal, camel) => {
    expect(toKebabCase(input)).toBe(kebab);
    expect(toPascalCase(input)).toBe(pascal);
    expect(toCamelCase(input)).toBe(camel);
  });

  it('splits folders from the name and kebab-cases both', () => {
    expect(parseElementName('Admin/UserProfile')).toEqual({ directory: 'admin', fileName: 'user-profile', className: 'UserProfile', propertyName: 'userProfile' });
    expect(parseElementName('a/b_c/cats').directory).toBe('a/b-c');
  });

  it('drops a suffix that repeats the schematic', () => {
    expect(parseElementName('CatsController', 'controller').className).toBe('Cats');
    expect(parseElementName('cats.controller', 'controller').fileName).toBe('cats');
    expect(parseElementName('auth-guard', 'guard').fileName).toBe('auth');
    // A name that is only the suffix stays as typed.
    expect(parseElementName('controller', 'controller').fileName).toBe('controller');
  });

  it('refuses paths that leave the source root and names without a letter first', () => {
    expect(() => parseElementName('../outside')).toThrow(CliError);
    expect(() => parseElementName('/abs/cats')).toThrow(CliError);
    expect(() => parseElementName('42')).toThrow(/must start with a letter/);
    expect(() => parseElementName('')).toThrow(CliError);
  });

  it.each([
    ['cats', 'cat'],
    ['categories', 'category'],
    ['boxes', 'box'],
    ['addresses', 'address'],
    ['people', 'person'],
    ['user-accounts', 'user-account'],
    ['status', 'status'],
    ['news-feed', 'news-feed'],
    ['day', 'day'],
  ])('singularize(%s) = %s', (plural, single) => {
    expect(singularize(plural)).toBe(single);
  });

  it('makes npm package names', () => {
    expect(toPackageName('My App')).toBe('my-app');
    expect(toPackageName('@Acme/Api')).toBe('@acme/api');
    expect(() => toPackageName('1st')).toThrow(CliError);
    expect(() => toPackageName('???')).toThrow(CliError);
  });
});
