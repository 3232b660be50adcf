import {
  BadRequestException,
  ForbiddenException,
  HttpException,
  HttpStatus,
  NotFoundException,
  errorBodyOf,
} from '../../src/exceptions';

describe('HttpException bodies (NestJS rules)', () => {
  it('a bare built-in exception has statusCode and message', () => {
    expect(errorBodyOf(new NotFoundException())).toEqual({ statusCode: 404, message: 'Not Found' });
  });

  it('a message adds the error text', () => {
    expect(errorBodyOf(new NotFoundException('Cat #1 not found'))).toEqual({
      message: 'Cat #1 not found',
      error: 'Not Found',
      statusCode: 404,
    });
    expect(errorBodyOf(new BadRequestException(['a is required', 'b is required']))).toEqual({
      message: ['a is required', 'b is required'],
      error: 'Bad Request',
      statusCode: 400,
    });
  });

  it('an object is the body as given; a description replaces the error text', () => {
    expect(errorBodyOf(new ForbiddenException({ reason: 'nope' }))).toEqual({ reason: 'nope' });
    expect(errorBodyOf(new ForbiddenException('No', 'Custom'))).toEqual({ message: 'No', error: 'Custom', statusCode: 403 });
  });

  it('a base HttpException with a string has statusCode and message only', () => {
    const error = new HttpException('Forbidden', HttpStatus.FORBIDDEN);
    expect(errorBodyOf(error)).toEqual({ statusCode: 403, message: 'Forbidden' });
    expect(error.getStatus()).toBe(403);
    expect(error.message).toBe('Forbidden');
  });

  it('subclasses are real named classes and keep the cause', () => {
    const cause = new Error('db down');
    const error = new NotFoundException('x', { cause });
    expect(error).toBeInstanceOf(HttpException);
    expect(error).toBeInstanceOf(NotFoundException);
    expect(error).not.toBeInstanceOf(BadRequestException);
    expect(error.name).toBe('NotFoundException');
    expect(NotFoundException.name).toBe('NotFoundException');
    expect(error.cause).toBe(cause);
  });
});
