var db = require('../../db');

exports.name = 'pet';
exports.prefix = '/user/:user_id';

exports.create = function (req, res) {
  var pet = { name: req.body.name };
  db.pets.push(pet);
  res.redirect('/user/' + req.params.user_id);
};
