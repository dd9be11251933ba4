exports.clean = (text) => String(text).trim().toLowerCase();
