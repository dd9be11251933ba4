// A `this:` parameter says the caller supplies `this`: an arrow cannot take it.
button.addEventListener('click', function (this: HTMLButtonElement, event: MouseEvent) {
  this.disabled = true;
});
register(function (this: void, value: string) {
  return value.trim();
});
