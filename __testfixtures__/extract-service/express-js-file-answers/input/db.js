const reports = [{ id: 1, title: 'summary', views: 0 }];
exports.calls = [];
exports.find = async (id) => {
  exports.calls.push('find ' + id);
  return reports.find((r) => String(r.id) === String(id)) || null;
};
exports.countView = async (report) => {
  exports.calls.push('view ' + report.id);
  report.views += 1;
};
