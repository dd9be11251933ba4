// Early returns are fine in the last callback: inside the try they are awaited so the catch still sees rejections.
function findOrCreate(email) {
  return findUserByEmail(email)
    .then((existing) => {
      if (existing) return existing;
      if (!email.includes('@')) return null;
      return insertUser({ email: email });
    })
    .catch(() => null);
}
