// A catch in the middle: the next step runs with the fallback value, and its own errors are not caught.
function loadSettings(userId) {
  return readSettings(userId)
    .then((raw) => JSON.parse(raw))
    .catch((err) => {
      warn('settings unreadable', err);
      return DEFAULTS;
    })
    .then((settings) => applySettings(settings));
}
