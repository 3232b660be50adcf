export { ValidationPipe } from './validation.pipe';
export type { ValidationPipeOptions } from './validation-pipe-options';
export type {
  ValidationError,
  ValidatorOptions,
  ClassTransformOptions,
  ValidatorPackage,
  TransformerPackage,
} from './validation-types';
