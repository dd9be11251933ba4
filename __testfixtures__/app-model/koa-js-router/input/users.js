exports.list = async (ctx) => {
  ctx.body = [{ id: 1 }];
};
exports.remove = async function (ctx) {
  ctx.state.removed = ctx.params.id;
  ctx.status = 204;
};
