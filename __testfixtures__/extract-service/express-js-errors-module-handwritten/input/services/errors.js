// The app's own errors: the data layer throws them and the error handler answers err.status.
class DomainError extends Error {
  constructor(message, status) {
    super(message);
    this.status = status || 500;
  }
}
class QuotaError extends DomainError {
  constructor() {
    super('quota exceeded', 429);
  }
}
module.exports = { DomainError, QuotaError };
