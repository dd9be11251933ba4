// `new Loader()` works on a plain function (it returns the promise), but an async function is not a constructor.
function Loader(url) {
  return fetchJson(url).then((data) => data.items);
}

var loading = new Loader('/items');
