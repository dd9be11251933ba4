// The callee is in this file: a parameter it calls with `new`, or whose prototype it reads, keeps its function.
function make(Ctor) { return new Ctor(); }
function reg(cb) { return cb.prototype ? 'proto' : 'noproto'; }
function isOne(x, Type) { return x instanceof Type; }
const run = function (cb) { return cb('x'); };
function later(cb = null) { return class extends cb {}; }
make(function () { });
reg(function (x) { return x; });
isOne(1, function () { });
later(function () { });
// `run` only calls it: converted.
run((x) => { return x; });
// `make`'s first parameter only: the second argument is not constructed.
function make2(Ctor, done) { done(new Ctor()); }
make2(Object, (v) => { return v; });
// AngularJS instantiates controllers, services and providers with `new`.
angular.module('app').controller('MainCtrl', function ($scope) { $scope.x = 1; });
angular.module('app').service('Store', function ($http) { return { get: $http.get }; });
angular.module('app').factory('api', ($http) => { return $http; });
