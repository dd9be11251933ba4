function pad(s, width = 2) {
  return s.padStart(width);
}
export const two = pad('1');
