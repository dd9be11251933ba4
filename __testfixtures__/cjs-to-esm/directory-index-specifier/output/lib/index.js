export const hello = function () {
  return 'hi';
};
