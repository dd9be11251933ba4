const express = require("express");
const fs = require("fs");

const app = express();

// CRLF line endings and tab indentation are kept.
app.delete("/cache", (req, res, next) => {
	fs.unlink("cache/index.json", (err) => {
		if (err) return next(err);
		res.sendStatus(204);
	});
});

module.exports = app;
