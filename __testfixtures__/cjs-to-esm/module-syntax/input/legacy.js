'use strict';
var total = 1; <!-- an HTML-like comment, allowed in scripts only
module.exports = total;
