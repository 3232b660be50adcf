export * from './controller.decorator';
export * from './route.decorators';
export * from './param.decorators';
export * from './response.decorators';
export { RequestMethod } from './request-method';
export * from './version.decorator';
