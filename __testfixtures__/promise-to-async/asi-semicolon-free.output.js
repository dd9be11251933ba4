const seen = []
async function load(p) {
  const res = await get(p)
  ;(res.items || []).forEach(function (it) { seen.push(it) })
  return seen.length
}
let a
async function iife() {
  const v = await get(3)
  ;(function () { a = v })()
  return a
}
async function tagged() {
  const v = await get(4)
  ;`tpl`
  return v
}
async function swap() {
  let x = 1
  let y = 2
  await get(5)
  ;[x, y] = [y, x]
  return x
}
async function signs() {
  const n = await get(6)
  ;+n
  ;-n
  return n
}
async function regex() {
  const s = await get(7)
  ;/a/.test(s)
  return s
}
async function twoSteps() {
  await get(8)
  seen.push(1)
  ;(seen || []).pop()
  return seen
}
async function withCatch() {
  try {
    return await get(9)
  } catch (err) {
    ;(err.log || []).push(1)
    return null
  }
}
async function kept() {
  const r = await get(10)
  const out = r
    (seen)
  return out
}
module.exports = { load, iife, tagged, swap, signs, regex, twoSteps, withCatch, kept }
