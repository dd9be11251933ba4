(function (root) {
	'use strict';

	class Point {
		constructor(x, y) {
			this.x = x;
			this.y = y;
		}

		add(other) {
			return new Point(this.x + other.x, this.y + other.y);
		}

		static origin() {
			return new Point(0, 0);
		}
	}

	root.Point = Point;
})(this);
