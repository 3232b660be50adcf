/** Identifies one resolution context (usually one request) for REQUEST and TRANSIENT instances. */
export interface ContextId {
  readonly id: number;
}

/** Where ContextIdFactory.getByRequest() keeps a request's context id. */
export const REQUEST_CONTEXT_ID = Symbol('armature:request-context-id');

let lastContextId = 0;

export function createContextId(): ContextId {
  return { id: ++lastContextId };
}

export class ContextIdFactory {
  static create(): ContextId {
    return createContextId();
  }

  /** The context id attached to this request object, created (and attached) on first use. */
  static getByRequest(request: object): ContextId {
    const holder = request as { [REQUEST_CONTEXT_ID]?: ContextId };
    return (holder[REQUEST_CONTEXT_ID] ??= createContextId());
  }
}
