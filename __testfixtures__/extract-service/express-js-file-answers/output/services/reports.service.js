// Business logic of routes/reports.js, moved out of its route handlers by remodel extract-service.
const db = require('../db');
const { NotFoundError } = require('./errors');

/** @typedef {{ id: any }} GetReportViewInput */

/** @typedef {{ id: any }} DownloadReportInput */

class ReportsService {
  /**
   * GET /reports/:id/view (routes/reports.js)
   * @param {GetReportViewInput} input
   */
  async getReportView(input) {
    const { id } = input;
    const report = await db.find(id);
    if (!report) throw new NotFoundError('No such report');
    await db.countView(report);
  }

  /**
   * GET /reports/:id/download (routes/reports.js)
   * @param {DownloadReportInput} input
   */
  async downloadReport(input) {
    const { id } = input;
    const report = await db.find(id);
    if (!report) throw new NotFoundError('No such report');
    await db.countView(report);
  }
}

module.exports = { ReportsService };
