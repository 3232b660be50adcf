import { NotFoundException } from '@armature/core';
import { Test } from '@armature/testing';
import { Create{{entityClass}}Dto } from './dto/create-{{entityFile}}.dto';
import { Update{{entityClass}}Dto } from './dto/update-{{entityFile}}.dto';
import { {{className}}Service } from './{{fileName}}.service';

describe('{{className}}Service', () => {
  let service: {{className}}Service;

  beforeEach(async () => {
    const moduleRef = await Test.createTestingModule({
      providers: [{{className}}Service],
    }).compile();

    service = moduleRef.get({{className}}Service);
  });

  it('creates, finds, updates and removes', () => {
    const created = service.create(new Create{{entityClass}}Dto({ name: 'first' }));
    expect(service.findAll()).toEqual([created]);
    expect(service.findOne(created.id)).toEqual(created);
    expect(service.update(created.id, new Update{{entityClass}}Dto({ name: 'renamed' }))).toEqual({ id: created.id, name: 'renamed' });
    service.remove(created.id);
    expect(service.findAll()).toEqual([]);
  });

  it('throws NotFoundException for an unknown id', () => {
    expect(() => service.findOne(42)).toThrow(NotFoundException);
  });
});
