var mongoose = require('mongoose');
var tags = [{ id: 1, name: 'news' }, { id: 2, name: 'misc' }];
mongoose.model('Tag', { findById: async function (id) { return tags.find(function (t) { return t.id === id; }) || null; } });
