const express = require("express");
const fs = require("fs");

const app = express();

// CRLF line endings and tab indentation are kept.
app.delete("/cache", async (req, res, next) => {
	try {
		await fs.promises.unlink("cache/index.json");
	} catch (err) {
		return next(err);
	}
	res.sendStatus(204);
});

module.exports = app;
