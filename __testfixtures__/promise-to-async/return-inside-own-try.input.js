// The callback's own try/finally: awaiting its early return (needed for the outer catch) would make cleanup
// wait for the save, and its catch would start seeing the save's rejection.
function store(preparing) {
  return preparing
    .then((prepared) => {
      if (!prepared) return null;
      try {
        return save(prepared);
      } finally {
        cleanup();
      }
    })
    .catch(() => null);
}
