/** Text fields of a multipart body, as `@Body()` sees them: a repeated name becomes an array. */
export type FormFields = Record<string, string | string[]>;

/** A prototype-less object, so a field named `__proto__` or `constructor` is just a field. */
export function emptyFormFields(): FormFields {
  return Object.create(null) as FormFields;
}

export function appendField(fields: FormFields, name: string, value: string): void {
  const existing = fields[name];
  if (existing === undefined) fields[name] = value;
  else if (Array.isArray(existing)) existing.push(value);
  else fields[name] = [existing, value];
}
