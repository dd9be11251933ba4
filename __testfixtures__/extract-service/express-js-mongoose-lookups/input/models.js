var mongoose = require('mongoose');
var users = [{ id: 1, name: 'ann' }];
var posts = [{ id: 1, title: 'hello', author: 1, comments: [{ id: 1, body: 'hi', author: 1 }] }];
mongoose.model('User', { findById: async function (id) { return users.find(function (u) { return u.id === id; }) || null; } });
mongoose.model('Post', { findById: async function (id) { return posts.find(function (p) { return p.id === id; }) || null; } });
