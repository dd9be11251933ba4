export class UserRecord {
  /**
   * @param {string} id
   * @param {string} email
   */
  constructor(id, email) {
    this.id = id;
    this.email = email;
  }

  /** @returns {string} */
  describe() {
    return this.id + ' <' + this.email + '>';
  }
}
