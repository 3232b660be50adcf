/** What a handler needs from the request; handlers stay plain functions, testable without a server. */
export interface NamedRequest {
  param(name: string): string | undefined;
}

export function hello(): string {
  return 'Hello World!';
}

export function greet(req: NamedRequest): { message: string } {
  return { message: `Hello ${req.param('name') ?? 'stranger'}!` };
}
