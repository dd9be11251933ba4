function main() {
  console.log('run');
}

if (require.main === module) main();

module.exports = main;
