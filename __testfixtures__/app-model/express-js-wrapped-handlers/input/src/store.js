exports.find = async (author) => [{ author }];
exports.insert = async (title) => ({ title });
exports.get = async (id) => ({ id });
