import { describe, expect, it } from 'vitest';
import { defineAppModelFixtureTests } from '../src/app-model/testing.js';
import { collectionWords, routeNames, singular, wordsBeforeParams } from '../src/app-model/names.js';

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
  it('keeps words that name an area or a product as they are, and reads a leading verb as the action', () => {
    const at = (method: 'get' | 'post', p: string) => {
      const n = routeNames(method, p, 'src/app.js');
      return `${n.serviceClass}.${n.serviceMethod}`;
    };
    expect(at('get', '/api/auth')).toBe('AuthService.getAuth');
    expect(at('post', '/openid/enable')).toBe('OpenidService.enableOpenid');
    expect(at('post', '/gocardless/get-accounts')).toBe('GocardlessService.getGocardlessAccounts');
    expect(at('get', '/products/search')).toBe('ProductsService.searchProducts');
    // (countable words still take their plural)
    expect(at('post', '/accounts/:id/transfers')).toBe('TransfersService.createTransfer');
  });
  it("makes a word plural only when the app's paths show it names a collection", () => {
    const paths = ['/api/nyt', '/contact', '/account/delete', '/users/:id', '/users/verify/:token', '/api/books', '/api/books/search'];
    const collections = collectionWords(paths);
    expect([...collections].sort()).toEqual(['books', 'users']);
    const at = (method: 'get' | 'post', p: string) => {
      const n = routeNames(method, p, 'src/app.js', collections);
      return `${n.serviceClass}.${n.serviceMethod}`;
    };
    expect(at('get', '/api/nyt')).toBe('NytService.getNyt');
    expect(at('post', '/contact')).toBe('ContactService.createContact');
    expect(at('post', '/account/delete')).toBe('AccountService.deleteAccount');
    expect(at('get', '/users/:id')).toBe('UsersService.getUser');
    expect(at('get', '/api/books/search')).toBe('BooksService.searchBooks');
    // (without the app's paths, every countable word is taken for a collection, as before)
    expect(routeNames('get', '/api/nyt', 'src/app.js').serviceClass).toBe('NytsService');
  });
  it('reads a segment a parameter follows as a collection, even when its first word is a verb (`/list-items/:id`)', () => {
    const paths = ['/api/list-items', '/api/list-items/:id', '/api/send-emails'];
    const collections = collectionWords(paths);
    const beforeParams = wordsBeforeParams(paths);
    const at = (method: 'get' | 'post' | 'put', p: string) => {
      const n = routeNames(method, p, 'src/app.js', collections, beforeParams);
      return `${n.serviceClass}.${n.serviceMethod}`;
    };
    expect(at('get', '/api/list-items')).toBe('ListItemsService.listListItems');
    expect(at('post', '/api/list-items')).toBe('ListItemsService.createListItem');
    expect(at('put', '/api/list-items/:id')).toBe('ListItemsService.replaceListItem');
    // (no parameter after it anywhere: the verb still names the action)
    expect(at('post', '/api/send-emails')).toBe('EmailsService.sendEmails');
    // (without the words before parameters, as before: "list the items")
    expect(routeNames('post', '/api/list-items', 'src/app.js', collections).serviceMethod).toBe('listItems');
  });
  it('keeps a word of one or two letters as it is (`/i/:id` is no `WeService`: adversarial round 20, L9)', () => {
    const paths = ['/i/:id', '/c/:id', '/us'];
    const collections = collectionWords(paths);
    expect(routeNames('get', '/i/:id', 'src/app.js', collections).serviceClass).toBe('IService');
    expect(routeNames('get', '/c/:id', 'src/app.js', collections).serviceClass).toBe('CService');
    expect(routeNames('get', '/us', 'src/app.js', collections).serviceClass).toBe('UsService');
  });
  it('never names a class or method with a leading digit (`/auth/2fa`, `/api/404`: adversarial round 14, F5)', () => {
    for (const [method, p] of [['get', '/auth/2fa'], ['post', '/api/404'], ['get', '/2fa'], ['get', '/2fa/:id'], ['post', '/webhooks/3ds'], ['post', '/auth/2fa/verify']] as const) {
      const n = routeNames(method, p, 'src/app.js');
      for (const name of [n.serviceClass, n.serviceMethod, n.dtoBase, n.paramsType]) expect(name, `${p}: ${name}`).toMatch(/^[A-Za-z_$][\w$]*$/);
    }
    expect(routeNames('get', '/auth/2fa', 'src/app.js').serviceClass).toBe('Auth2faService');
  });
});
