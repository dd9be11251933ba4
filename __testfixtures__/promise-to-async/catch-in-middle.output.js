// A catch in the middle: the next step runs with the fallback value, and its own errors are not caught.
async function loadSettings(userId) {
  let settings;
  try {
    const raw = await readSettings(userId);
    settings = await JSON.parse(raw);
  } catch (err) {
    warn('settings unreadable', err);
    settings = await DEFAULTS;
  }
  return applySettings(settings);
}
