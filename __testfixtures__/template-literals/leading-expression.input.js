const width = size + 'px';
const label = count + ' items';
const call = getName() + ': ' + value;
