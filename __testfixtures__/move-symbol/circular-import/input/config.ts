export const defaults = { retries: 3 };

export function withDefaults(partial: { retries?: number }) {
  return { ...defaults, ...partial };
}

export const current = withDefaults({});
