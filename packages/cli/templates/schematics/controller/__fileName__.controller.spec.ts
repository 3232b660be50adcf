import { Test } from '@armature/testing';
import { {{className}}Controller } from './{{fileName}}.controller';

describe('{{className}}Controller', () => {
  let controller: {{className}}Controller;

  beforeEach(async () => {
    const moduleRef = await Test.createTestingModule({
      controllers: [{{className}}Controller],
    }).compile();

    controller = moduleRef.get({{className}}Controller);
  });

  it('lists nothing yet', () => {
    expect(controller.findAll()).toEqual([]);
  });
});
