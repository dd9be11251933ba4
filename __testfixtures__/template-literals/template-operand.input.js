const a = 'id: ' + `${prefix}-${id}` + ' end';
const b = `start ` + middle + `${tail}`;
