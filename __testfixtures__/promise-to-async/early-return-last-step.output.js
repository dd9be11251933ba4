// Early returns are fine in the last callback: inside the try they are awaited so the catch still sees rejections.
async function findOrCreate(email) {
  try {
    const existing = await findUserByEmail(email);
    if (existing) return await existing;
    if (!email.includes('@')) return null;
    return await insertUser({ email: email });
  } catch {
    return null;
  }
}
