// A callback parameter that is reassigned becomes `let`; a value handed on through a catch is declared before the try.
async function retries(job) {
  let total;
  try {
    let count = await job.run();
    count += 1;
    total = await count;
  } catch {
    total = 0;
  }
  return report(total);
}
