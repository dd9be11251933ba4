// Business logic of routes/reports.js, moved out of its route handlers by remodel extract-service.
const { loadReport } = require('../store');
const { NotFoundError } = require('./errors');

/** @typedef {{ id: any }} GetReportInput */

class ReportsService {
  /**
   * GET /:id (routes/reports.js)
   * @param {GetReportInput} input
   */
  async getReport(input) {
    const { id } = input;
    const limit = Number(process.env.REPORT_LIMIT || 3);
    const report = await loadReport(id);
    if (!report) throw new NotFoundError('no such report');
    const digest = Buffer.from(report.title).toString('base64');
    return { title: report.title, lines: report.lines.slice(0, limit), digest };
  }
}

module.exports = { ReportsService };
