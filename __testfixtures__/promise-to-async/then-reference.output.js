import { toView } from './views.js';

function handleUser(user) {
  return user ? toView(user) : null;
}

function reportError(err) {
  metrics.count('load-failed');
  throw err;
}

export async function loadView(id) {
  try {
    return await handleUser(await fetchUser(id));
  } catch (err) {
    return reportError(err);
  }
}

export async function loadViews(id) {
  const value = await handleUser(await fetchUser(id));
  return toView(value);
}
