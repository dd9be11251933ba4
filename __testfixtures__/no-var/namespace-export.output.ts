namespace Counter {
  export var count = 0;
  const local = 1;
  export function peek() { return count + local; }
}
namespace Counter {
  export function inc() { count++; return count; }
}

enum E { A = 1 }
namespace E { export var extra = 2; }
export function bump() { E.extra = 3; }

module Legacy { export var v = 1; }
Legacy.v = 5;

namespace Outer.Inner { export var depth = 2; }

export { Counter, E, Legacy, Outer };
