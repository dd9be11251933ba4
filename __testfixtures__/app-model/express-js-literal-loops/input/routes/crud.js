module.exports = function crud(router, ctrl) {
  router.get('/', ctrl.list);
  router.post('/', ctrl.create);
};
