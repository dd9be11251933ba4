function tally() {
  this.hits = (this.hits || 0) + 1;
  return this.hits;
}
tally();
module.exports = tally;
