class Formatter {
  format(value: number, digits: number = 2): string {
    return this.pad(value.toFixed(digits));
  }

  pad(text: string): string {
    return text.padStart(10);
  }
}

export { Formatter };
