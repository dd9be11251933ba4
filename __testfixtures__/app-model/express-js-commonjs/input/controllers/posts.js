const fs = require('fs');

function show(req, res) {
  fs.readFile('posts/' + req.params.id + '.md', 'utf8', (err, text) => {
    if (err) return res.sendStatus(404);
    res.type('text/markdown').send(text);
  });
}

module.exports = {
  index(req, res) {
    res.render('posts', { page: req.query.page });
  },
  show,
};
