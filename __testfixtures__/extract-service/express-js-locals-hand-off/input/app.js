const express = require('express')
const db = require('./db')
const things = require('./routes/things')

const app = express()
app.use(express.json())
app.use('/things', things(db, 'things', { fake: false }))
app.use((req, res) => {
  if (res.locals.data === undefined) return res.sendStatus(404)
  res.json(res.locals.data)
})

module.exports = app
