import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { defer, lastValueFrom, of } from 'rxjs';
import { NodeAdapter } from '@armature/platform-node';
import { UwsAdapter } from '@armature/platform-uws';
import { RequestAbortedError, type HttpExchange } from '../../../src/adapters/http-exchange';
import type { HttpServerAdapter } from '../../../src/adapters/http-adapter';
import { SilentLogger } from '../../../src/application/logger';
import type { Type } from '../../../src/di';
import type { ExecutionContext } from '../../../src/enhancers/interfaces';
import { HttpException } from '../../../src/exceptions';
import { errorJson } from '../../../src/http/error-json';
import type { ArmatureRequest } from '../../../src/http/request';
import type { RequestNeeds, RouteHandle, RouteTableView } from '../../../src/router/route-handle';
import type { MultipartInterceptorType, UploadedFileInfo } from '../../../src/uploads';

export type AdapterName = 'uws' | 'node';
export const ADAPTER_NAMES: AdapterName[] = ['uws', 'node'];

const JSON_HEADERS = ['content-type', 'application/json; charset=utf-8'];
// What the pipeline asks for on a route with a file interceptor.
const UPLOAD_NEEDS: RequestNeeds = { allHeaders: false, headerNames: ['content-type', 'content-length', 'transfer-encoding'], body: true, ip: false };

/** A file as the tests compare it: its metadata, and a digest of the bytes wherever they were stored. */
export interface FileSummary {
  fieldname: string;
  originalname: string;
  mimetype: string;
  size: number;
  sha256: string;
  /** Disk storage only. */
  path?: string;
  filename?: string;
}

export interface UploadResult {
  body: unknown;
  file?: FileSummary;
  files?: FileSummary[] | Record<string, FileSummary[]>;
}

export function sha256(data: Buffer | string): string {
  return createHash('sha256').update(data).digest('hex');
}

function summarize(file: UploadedFileInfo): FileSummary {
  const bytes = file.buffer ?? readFileSync(file.path as string);
  const summary: FileSummary = { fieldname: file.fieldname, originalname: file.originalname, mimetype: file.mimetype, size: file.size, sha256: sha256(bytes) };
  if (file.path !== undefined) Object.assign(summary, { path: file.path, filename: file.filename });
  return summary;
}

function summarizeFiles(files: unknown): UploadResult['files'] {
  if (files === undefined) return undefined;
  if (Array.isArray(files)) return files.map(summarize);
  return Object.fromEntries(Object.entries(files as Record<string, UploadedFileInfo[]>).map(([name, list]) => [name, list.map(summarize)]));
}

/** What the handler received (read once the interceptor ran, as `@Body()`/`@UploadedFile(s)()` would). */
function resultOf(request: ArmatureRequest): UploadResult {
  const file = request.file as UploadedFileInfo | undefined;
  return { body: request.body, file: file === undefined ? undefined : summarize(file), files: summarizeFiles(request.files) };
}

function contextOf(request: ArmatureRequest): ExecutionContext {
  return {
    switchToHttp: () => ({ getRequest: <T>() => request as T, getResponse: <T>() => undefined as T, getNext: <T>() => undefined as T }),
    getArgs: <T extends unknown[]>() => [request] as unknown as T,
    getArgByIndex: <T>() => request as T,
    getType: <T extends string>() => 'http' as T,
    getClass: <T>() => Object as unknown as Type<T>,
    getHandler: () => contextOf,
    switchToWs: () => {
      throw new Error('switchToWs() is not available in an HTTP context');
    },
  };
}

function isMultipart(request: ArmatureRequest): boolean {
  const type = request.headers['content-type'];
  return typeof type === 'string' && type.toLowerCase().startsWith('multipart/form-data');
}

/**
 * Runs one file interceptor the way the pipeline does: the body stream is opened inside the
 * adapter's callback, the interceptor reads it, the "handler" answers 201 with what it received,
 * and errors are answered like the pipeline's error writer (413 closes the connection).
 */
function uploadRoute(Interceptor: MultipartInterceptorType, appBodyLimit: number, outcomes: Array<Promise<unknown>>): RouteHandle {
  const interceptor = new Interceptor();
  return {
    needs: UPLOAD_NEEDS,
    run(request, exchange) {
      if (isMultipart(request)) request.bodyStream = exchange.bodyStream(Interceptor.bodyLimit ?? appBodyLimit);
      const handler = { handle: () => defer(() => of(resultOf(request))) };
      const outcome = (async () => lastValueFrom(await interceptor.intercept(contextOf(request), handler)))();
      outcomes.push(outcome.catch((error: unknown) => error));
      outcome.then(
        (result) => exchange.send(201, JSON_HEADERS, JSON.stringify(result)),
        (error: unknown) => answerError(exchange, error),
      );
    },
  };
}

function answerError(exchange: HttpExchange, error: unknown): void {
  if (error instanceof RequestAbortedError || exchange.aborted) return;
  if (error instanceof HttpException) {
    const status = error.getStatus();
    exchange.send(status, JSON_HEADERS, JSON.stringify(error.getResponse()), status === 413);
    return;
  }
  exchange.send(500, JSON_HEADERS, errorJson(500, 'Internal server error'));
}

export interface UploadServer {
  url: string;
  port: number;
  adapter: HttpServerAdapter;
  /** Per request, in arrival order: what the interceptor resolved with, or the error it failed with. */
  outcomes: Array<Promise<unknown>>;
  close(): Promise<void>;
}

function createAdapter(name: AdapterName): HttpServerAdapter {
  return name === 'uws' ? new UwsAdapter() : new NodeAdapter();
}

/** Serves `POST <path>` with each interceptor, plus `GET /ok`, on the named adapter. */
export async function startUploadServer(
  adapterName: AdapterName,
  routes: Record<string, MultipartInterceptorType>,
  appBodyLimit = 1024 * 1024,
): Promise<UploadServer> {
  const outcomes: Array<Promise<unknown>> = [];
  const handles = new Map<string, RouteHandle>(Object.entries(routes).map(([path, Interceptor]) => [`POST ${path}`, uploadRoute(Interceptor, appBodyLimit, outcomes)]));
  handles.set('GET /ok', { needs: { ...UPLOAD_NEEDS, headerNames: [], body: false }, run: (_request, exchange) => exchange.send(200, [], 'ok') });
  const notFound: RouteHandle = { needs: UPLOAD_NEEDS, run: (request, exchange) => exchange.send(404, JSON_HEADERS, errorJson(404, `Cannot ${request.method} ${request.path}`)) };
  const table: RouteTableView = {
    hostConstrained: false,
    lookup: (method, path) => ({ handle: handles.get(`${method} ${path}`) ?? notFound, params: {} }),
  };
  const adapter = createAdapter(adapterName);
  adapter.init(table, { bodyLimit: appBodyLimit, maxHeaderSize: 16 * 1024, logger: new SilentLogger() });
  await adapter.listen(0, '127.0.0.1');
  const port = (adapter.address() as { port: number }).port;
  return { url: `http://127.0.0.1:${port}`, port, adapter, outcomes, close: () => adapter.close(1000) };
}
