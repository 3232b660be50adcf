// Providers registered under these tokens (in any module) become global enhancers, built with DI:
// `{ provide: APP_GUARD, useClass: RolesGuard }`.
export const APP_GUARD = 'APP_GUARD';
export const APP_INTERCEPTOR = 'APP_INTERCEPTOR';
export const APP_PIPE = 'APP_PIPE';
export const APP_FILTER = 'APP_FILTER';
