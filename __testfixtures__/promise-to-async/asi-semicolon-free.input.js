const seen = []
function load(p) {
  return get(p).then(function (res) {
    (res.items || []).forEach(function (it) { seen.push(it) })
    return seen.length
  })
}
let a
function iife() {
  return get(3).then(function (v) {
    (function () { a = v })()
    return a
  })
}
function tagged() {
  return get(4).then(function (v) {
    `tpl`
    return v
  })
}
function swap() {
  let x = 1
  let y = 2
  return get(5).then(function () {
    [x, y] = [y, x]
    return x
  })
}
function signs() {
  return get(6).then(function (n) {
    +n
    ;-n
    return n
  })
}
function regex() {
  return get(7).then(function (s) {
    /a/.test(s)
    return s
  })
}
function twoSteps() {
  return get(8).then(function () {
    seen.push(1)
  }).then(function () {
    (seen || []).pop()
    return seen
  })
}
function withCatch() {
  return get(9).catch(function (err) {
    (err.log || []).push(1)
    return null
  })
}
function kept() {
  return get(10).then(function (r) {
    const out = r
      (seen)
    return out
  })
}
module.exports = { load, iife, tagged, swap, signs, regex, twoSteps, withCatch, kept }
