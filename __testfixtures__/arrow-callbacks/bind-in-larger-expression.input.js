// The arrow becomes an operand of `||`: it needs parentheses of its own.
register(function () { return this.value; }.bind(this) || fallback);
register(useDefault ? function () { return this.value; }.bind(this) : other);
register((function () { return this.value; }.bind(this)) && other);
