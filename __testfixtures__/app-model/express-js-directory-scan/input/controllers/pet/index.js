var db = require('../../db');

exports.before = function (req, res, next) {
  var pet = db.pets[req.params.pet_id];
  if (!pet) return next('route');
  req.pet = pet;
  next();
};

exports.show = function (req, res) {
  res.render('show', { pet: req.pet });
};

exports.list = function (req, res) {
  res.json(db.pets);
};
