import { Test } from '@armature/testing';
import { {{className}}Gateway } from './{{fileName}}.gateway';

describe('{{className}}Gateway', () => {
  let gateway: {{className}}Gateway;

  beforeEach(async () => {
    const moduleRef = await Test.createTestingModule({
      providers: [{{className}}Gateway],
    }).compile();

    gateway = moduleRef.get({{className}}Gateway);
  });

  it('greets', () => {
    expect(gateway.handleMessage('world')).toBe('Hello world!');
  });
});
