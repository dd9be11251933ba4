const asyncHandler = require('express-async-handler');
const { default: handlerOf } = { default: asyncHandler };

const items = [{ id: '1', name: 'Lamp' }];

// inline: the handler is the function passed in
exports.list = asyncHandler(async (req, res) => {
  res.json(items);
});

// a named function handed to the wrapper
async function show(req, res) {
  const item = items.find((i) => i.id === req.params.id);
  if (!item) {
    res.status(404);
    throw new Error('Not found');
  }
  res.json(item);
}
exports.show = asyncHandler(show);

// not the package's export as written (a destructured alias): not known
exports.create = handlerOf(async (req, res) => {
  res.status(201).json(req.body);
});
