import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { Controller, Get, Header } from '@armature/core';

// Read once at startup: src/page and dist/page are both two levels under the example's folder.
const PAGE = readFileSync(join(__dirname, '..', '..', 'public', 'index.html'), 'utf8');

@Controller()
export class PageController {
  /** The chat page (a returned string is sent as text/html). */
  @Get()
  @Header('cache-control', 'no-cache')
  page(): string {
    return PAGE;
  }
}
