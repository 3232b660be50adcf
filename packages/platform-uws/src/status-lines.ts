import { statusText } from '@armature/core';

// uWS's writeStatus takes the whole status line ("404 Not Found"): build each one once, not per response.
const STATUS_LINES: string[] = [];
for (let code = 100; code <= 599; code++) STATUS_LINES[code] = `${code} ${statusText(code)}`;

/** The status line for `writeStatus`; codes outside 100-599 become a 500, as they cannot be sent. */
export function statusLine(status: number): string {
  return STATUS_LINES[status] ?? STATUS_LINES[500];
}
