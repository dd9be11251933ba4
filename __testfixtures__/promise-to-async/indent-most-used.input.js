const QUERY = `
  SELECT name
  FROM users`;

// The file is indented with four spaces (the query's lines are text, not code): the new lines use four too.
function names(rows) {
    return Promise.resolve(rows)
        .then((list) => list.map((r) => r.name))
        .catch(() => []);
}

function hasRows(rows) {
    if (rows.length > 0) {
        return true;
    }
    return QUERY.length === 0;
}

module.exports = { names, hasRows };
