// A callback parameter that is reassigned becomes `let`; a value handed on through a catch is declared before the try.
function retries(job) {
  return job.run()
    .then((count) => {
      count += 1;
      return count;
    })
    .catch(() => 0)
    .then((total) => report(total));
}
