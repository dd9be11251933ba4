const QUERY = `
  SELECT name
  FROM users`;

// The file is indented with four spaces (the query's lines are text, not code): the new lines use four too.
async function names(rows) {
    try {
        const list = await Promise.resolve(rows);
        return await list.map((r) => r.name);
    } catch {
        return [];
    }
}

function hasRows(rows) {
    if (rows.length > 0) {
        return true;
    }
    return QUERY.length === 0;
}

module.exports = { names, hasRows };
