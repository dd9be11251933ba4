const reports = { a1: { title: 'Q1', lines: ['one', 'two', 'three', 'four'] } };
exports.loadReport = async (id) => reports[id] || null;
