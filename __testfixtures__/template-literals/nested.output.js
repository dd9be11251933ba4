const line = `user ${format(`id=${id}`)} done`;
const inner = `${compute(a + b)} total`;
