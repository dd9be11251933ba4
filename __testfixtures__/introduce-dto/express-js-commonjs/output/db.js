'use strict';

var rows = [];

function list(offset, limit) {
  return rows.slice(offset, offset + limit);
}

function insert(row) {
  rows.push(row);
  return row;
}

module.exports = { list: list, insert: insert };
