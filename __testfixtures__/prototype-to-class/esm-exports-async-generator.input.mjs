export default function Feed(source) {
  this.source = source;
}

Feed.prototype.load = async function (id) {
  const item = await this.source.get(id);
  return item;
};

Feed.prototype.entries = function* () {
  for (const key of Object.keys(this.source)) yield [key, this.source[key]];
};

Feed.prototype.query = function (sql) {
  return `select *
from ${sql}
where 1 = 1`;
};

export function Item(id) {
  this.id = id;
}

Item.prototype.key = function () {
  return 'item:' + this.id;
};
