const variable = 'var';
let vars = ['var'];
// var in a comment
module.exports = { variable, vars };
