module.exports = process.env.MODE;
