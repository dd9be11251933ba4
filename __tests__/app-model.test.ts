import { describe, expect, it } from 'vitest';
import { defineAppModelFixtureTests } from '../src/app-model/testing.js';
import { routeNames, singular } from '../src/app-model/names.js';

defineAppModelFixtureTests();

describe('app-model names', () => {
  it('singularizes with pluralize, not suffix rules', () => {
    expect(singular('addresses')).toBe('address');
    expect(singular('statuses')).toBe('status');
    expect(singular('categories')).toBe('category');
  });
  it('names a route once for every consumer', () => {
    expect(routeNames('post', '/addresses', 'src/app.ts')).toEqual({
      resource: 'addresses',
      entity: 'Address',
      action: 'Create',
      dtoBase: 'CreateAddress',
      paramsType: 'AddressParams',
      serviceClass: 'AddressesService',
      serviceMethod: 'createAddress',
    });
    const list = routeNames('get', '/api/v1/patients/:id/notes', 'src/app.ts');
    expect([list.resource, list.entity, list.serviceMethod, list.serviceClass]).toEqual(['notes', 'Note', 'listNotes', 'NotesService']);
  });
});
