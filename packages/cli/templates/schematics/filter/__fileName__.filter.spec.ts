import { NotFoundException, type ArgumentsHost } from '@armature/core';
import { {{className}}Filter } from './{{fileName}}.filter';

describe('{{className}}Filter', () => {
  it('answers with the exception status and message', () => {
    const json = jest.fn();
    const response = { status: jest.fn(() => ({ json })) };
    const host = { switchToHttp: () => ({ getResponse: () => response }) } as unknown as ArgumentsHost;

    new {{className}}Filter().catch(new NotFoundException('No such cat'), host);

    expect(response.status).toHaveBeenCalledWith(404);
    expect(json).toHaveBeenCalledWith(expect.objectContaining({ statusCode: 404, message: 'No such cat' }));
  });
});
