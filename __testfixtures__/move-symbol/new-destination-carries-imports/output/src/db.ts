export const db = { insert: async (_row: unknown) => {} };
