'use strict';

const jobs = new Map([['1', { id: '1', title: 'Plumber', company: 'Acme' }]]);
let next = 2;

module.exports = {
  async findJob(id) {
    return jobs.get(id) || null;
  },
  async createJob(fields) {
    const job = { id: String(next++), ...fields };
    jobs.set(job.id, job);
    return job;
  },
  async deleteJob(id) {
    return jobs.delete(id);
  },
};
