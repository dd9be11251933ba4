// The arrow becomes an operand of `||`: it needs parentheses of its own.
register((() => { return this.value; }) || fallback);
register(useDefault ? () => { return this.value; } : other);
register((() => { return this.value; }) && other);
