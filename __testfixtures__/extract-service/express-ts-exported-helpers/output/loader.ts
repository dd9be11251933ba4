// loads the codes router on demand: a module object whose exports a caller may replace
export const loadCodes = () => import('./routes/codes');
