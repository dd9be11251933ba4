const when = 'at ' + new Date();
const m = 'time: ' + moment();
const o = 'obj: ' + { valueOf() { return 1; } };
const ok = `time: ${Date.now()}`;
