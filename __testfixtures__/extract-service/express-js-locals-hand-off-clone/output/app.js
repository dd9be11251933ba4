const express = require('express')
const db = require('./db')
const things = require('./routes/things')

const app = express()
app.use(express.json())
app.use('/things', things(db, 'things'))
app.use((req, res) => res.json(res.locals.data))

module.exports = app
