// Re-indenting the callback body would change the lines of the template literal.
function report(id) {
  return fetchUser(id)
    .then((user) => {
      const text = `Name: ${user.name}
  Email: ${user.email}`;
      return send(text);
    });
}
