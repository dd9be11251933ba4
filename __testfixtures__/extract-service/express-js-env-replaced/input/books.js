exports.fetchBooks = async (url) => [{ title: 'Dune', url }];
