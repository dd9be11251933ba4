// the ORM package is not installed in this checkout: what it exports is unknown to the checker
const { Sequelize } = require('sequelize');

const sequelize = new Sequelize('sqlite::memory:');

module.exports = sequelize;
