function Formatter() {}

Formatter.prototype.format = function (value: number, digits: number = 2): string {
  return this.pad(value.toFixed(digits));
};

Formatter.prototype.pad = function (text: string): string {
  return text.padStart(10);
};

export { Formatter };
