export { HttpResponse, type ResponseBody } from './http-response';
export { HttpRequest, type DataKey, type RequestScope } from './http-request';
export { UndeclaredReadError, type DeclaredReads } from './declared-reads';
export { defineMiddleware, isArmatureMiddleware, type HttpMiddleware, type HttpNext, type WrapNeeds } from './middleware';
export { composeMiddleware, type ComposedChain, type Endpoint } from './compose';
export { errorResponse } from './error-response';
export { writeHttpResponse } from './write-response';
export { wrapRouteHandle, mergeNeeds } from './wrap-route-handle';
