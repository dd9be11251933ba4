res.send('<ul>' + users.map(function (user) {
  return '<li>' + user.name + '</li>';
}).join('') + '</ul>');
