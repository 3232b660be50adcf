import { ArmatureContainer, Module } from '../../src/di';
import {
  ParseArrayPipe,
  ParseBoolPipe,
  ParseFilePipe,
  ParseFloatPipe,
  ParseIntPipe,
  ParseUUIDPipe,
  ValidationPipe,
} from '../../src/pipes';
import { badRequest, httpErrorOf } from './caught';

/** `@Param('id', ParseIntPipe)` gives the class: DI builds it, with no options (they are @Optional). */
describe('built-in pipes as providers', () => {
  it('are built by the container with default options', async () => {
    @Module({ providers: [ParseIntPipe, ParseFloatPipe, ParseBoolPipe, ParseUUIDPipe, ParseArrayPipe, ParseFilePipe, ValidationPipe] })
    class PipesModule {}
    const app = await ArmatureContainer.create(PipesModule);

    await expect(app.get(ParseIntPipe).transform('12', { type: 'param' })).resolves.toBe(12);
    await expect(app.get(ParseFloatPipe).transform('1.5', { type: 'param' })).resolves.toBe(1.5);
    await expect(app.get(ParseBoolPipe).transform('true', { type: 'param' })).resolves.toBe(true);
    expect(await httpErrorOf(app.get(ParseUUIDPipe).transform('x', { type: 'param' }))).toEqual(
      badRequest('Validation failed (uuid is expected)'),
    );
    await expect(app.get(ParseArrayPipe).transform('a,b', { type: 'query' })).resolves.toEqual(['a', 'b']);
    expect(await httpErrorOf(app.get(ParseFilePipe).transform(undefined))).toEqual(badRequest('File is required'));
    const value = { any: 1 };
    await expect(app.get(ValidationPipe).transform(value, { type: 'body', metatype: Object })).resolves.toBe(value);
  });
});
