var express = require('express');
var db = require('../db');

var router = express.Router();

/**
 * @typedef {object} CreateUserBody
 * @property {string} name
 */
var NAME_MAX = 40;

// The JSDoc typedef above is a declaration (introduce-dto writes such blocks): it stays in the router when
// NAME_MAX moves to the service, and the service takes CreateUserBody by name.
router.post('/', /** @param {{ body: CreateUserBody }} req */ function (req, res) {
  var name = req.body.name;
  if (!name || name.length > NAME_MAX) return res.status(400).json({ error: 'name must be 1 to ' + NAME_MAX + ' characters' });
  if (db.findByName(name)) return res.status(409).json({ error: 'name ' + name + ' is taken' });
  var user = db.insertUser(name);
  res.status(201).json(user);
});

module.exports = router;
