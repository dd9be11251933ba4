import mongoose from 'mongoose';
const tags = [{ id: 1, name: 'news' }];
mongoose.model('Tag', { findById: async (id) => tags.find((t) => t.id === id) || null });
