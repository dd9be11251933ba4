module.exports = { limit: Number(process.env.ITEM_LIMIT || 10) };
