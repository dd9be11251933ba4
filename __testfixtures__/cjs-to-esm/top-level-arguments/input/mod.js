// In CommonJS, `arguments` here is the module wrapper's (exports, require, module, ...)
const wrapperArgs = arguments.length;
module.exports = { wrapperArgs };
