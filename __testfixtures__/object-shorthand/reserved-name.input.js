// Sloppy-mode script: `yield` and `interface` are plain variables here.
var interface = 'eth0';
var yield = 0.5;
module.exports = { interface: interface, yield: yield };
