import { Test } from '@armature/testing';
import { {{className}}Service } from './{{fileName}}.service';

describe('{{className}}Service', () => {
  let service: {{className}}Service;

  beforeEach(async () => {
    const moduleRef = await Test.createTestingModule({
      providers: [{{className}}Service],
    }).compile();

    service = moduleRef.get({{className}}Service);
  });

  it('keeps what is added', () => {
    service.add('first');
    expect(service.findAll()).toEqual(['first']);
  });
});
