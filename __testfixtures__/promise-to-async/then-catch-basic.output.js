// The returned chain becomes awaits; the catch covers exactly the steps before it.
async function getUserName(id) {
  try {
    const user = await fetchUser(id);
    return await user.name;
  } catch (err) {
    log(err);
    return 'unknown';
  }
}

module.exports = { getUserName };
