const s1 = `sum: ${a + b}`;
const s2 = `ab${c}`;
const s3 = (`x${y}`).toUpperCase();
const s4 = `n=${i, j}`;
