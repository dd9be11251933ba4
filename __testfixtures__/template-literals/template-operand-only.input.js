// No quotes in the file: a chain with a template operand is string concatenation all the same.
var foo = bar + `baz`;
var qux = bar + `${baz}foo`;
