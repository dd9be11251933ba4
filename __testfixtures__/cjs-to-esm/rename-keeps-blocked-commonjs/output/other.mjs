import path from 'path';

export default path.join('x', 'y');
