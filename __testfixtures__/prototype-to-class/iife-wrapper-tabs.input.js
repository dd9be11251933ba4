(function (root) {
	'use strict';

	function Point(x, y) {
		this.x = x;
		this.y = y;
	}

	Point.prototype.add = function (other) {
		return new Point(this.x + other.x, this.y + other.y);
	};

	Point.origin = function () {
		return new Point(0, 0);
	};

	root.Point = Point;
})(this);
