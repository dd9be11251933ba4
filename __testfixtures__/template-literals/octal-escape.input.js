const s = '\101' + name;
const t = 'nul\0' + name;
