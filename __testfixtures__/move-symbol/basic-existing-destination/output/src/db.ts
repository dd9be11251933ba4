export const db = { users: [{ id: '1', first: 'ada', last: 'lovelace' }] };
