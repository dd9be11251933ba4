const express = require('express');

// A table of route modules, registered in a loop through a wrapper that forwards async errors (sequelize's
// express-example): each registration is evaluated per module, and the handler is the wrapped module function.
const routes = {
  users: require('./routes/users'),
  teams: require('./routes/teams'),
};

const app = express();

function makeHandlerAwareOfAsyncErrors(handler) {
  return async function (req, res, next) {
    try {
      await handler(req, res);
    } catch (error) {
      next(error);
    }
  };
}

for (const [routeName, routeController] of Object.entries(routes)) {
  if (routeController.getAll) {
    app.get(`/api/${routeName}`, makeHandlerAwareOfAsyncErrors(routeController.getAll));
  }
  if (routeController.getById) {
    app.get(`/api/${routeName}/:id`, makeHandlerAwareOfAsyncErrors(routeController.getById));
  }
}

module.exports = app;
