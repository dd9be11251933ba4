import { toView } from './views.js';

function handleUser(user) {
  return user ? toView(user) : null;
}

function reportError(err) {
  metrics.count('load-failed');
  throw err;
}

export function loadView(id) {
  return fetchUser(id).then(handleUser).catch(reportError);
}

export function loadViews(id) {
  return fetchUser(id).then(handleUser).then(toView);
}
