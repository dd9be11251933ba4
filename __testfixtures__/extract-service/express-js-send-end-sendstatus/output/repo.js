exports.read = async function (name) { return name === 'a.txt' ? { text: 'hello' } : null; };
