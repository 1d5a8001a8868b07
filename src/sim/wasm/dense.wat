;; Dense evaluation kernels in single precision, four lanes at a time (WebAssembly SIMD).
;; They serve evaluation passes over many examples, such as the cells of a decision map,
;; where no unit is dropped and every product is needed. Training stays in Float64 JavaScript.
;;
;; The caller (src/sim/float32-forward.ts) lays out memory: row-major matrices whose output
;; width is padded to a multiple of 4 with zero weights and biases, so every row starts on a
;; 16-byte boundary and no lane ever needs a scalar tail. Pointers are byte offsets.
;; `npm run build:wasm` assembles this file into dense-module.ts; a unit test checks the two agree.
(module
  (memory (export "memory") 1)

  ;; z = x · W + b for `batch` examples: x [batch][nIn], W [nIn][nOut], b [nOut],
  ;; z [batch][nOut], nOut a multiple of 4. Sixteen outputs per block where they fit, so each
  ;; input value, splatted once, feeds four vector sums; then four at a time.
  (func (export "affine")
    (param $x i32) (param $w i32) (param $b i32) (param $z i32)
    (param $batch i32) (param $nIn i32) (param $nOut i32)
    (local $rowBytes i32) (local $xEnd i32) (local $xp i32) (local $wp i32) (local $i i32)
    (local $zEnd i32) (local $u v128) (local $a0 v128) (local $a1 v128) (local $a2 v128) (local $a3 v128)
    (local.set $rowBytes (i32.shl (local.get $nOut) (i32.const 2)))
    (local.set $zEnd (i32.add (local.get $z) (i32.mul (local.get $batch) (local.get $rowBytes))))
    (if (i32.eqz (local.get $batch)) (then (return)))
    (loop $example
      (local.set $xEnd (i32.add (local.get $x) (i32.shl (local.get $nIn) (i32.const 2))))
      (local.set $i (i32.const 0))
      ;; blocks of sixteen outputs
      (block $wideDone
        (loop $wide
          (br_if $wideDone (i32.gt_u (i32.add (local.get $i) (i32.const 64)) (local.get $rowBytes)))
          (local.set $a0 (v128.load offset=0 (i32.add (local.get $b) (local.get $i))))
          (local.set $a1 (v128.load offset=16 (i32.add (local.get $b) (local.get $i))))
          (local.set $a2 (v128.load offset=32 (i32.add (local.get $b) (local.get $i))))
          (local.set $a3 (v128.load offset=48 (i32.add (local.get $b) (local.get $i))))
          (local.set $xp (local.get $x))
          (local.set $wp (i32.add (local.get $w) (local.get $i)))
          (loop $inputs
            (local.set $u (f32x4.splat (f32.load (local.get $xp))))
            (local.set $a0 (f32x4.add (local.get $a0) (f32x4.mul (local.get $u) (v128.load offset=0 (local.get $wp)))))
            (local.set $a1 (f32x4.add (local.get $a1) (f32x4.mul (local.get $u) (v128.load offset=16 (local.get $wp)))))
            (local.set $a2 (f32x4.add (local.get $a2) (f32x4.mul (local.get $u) (v128.load offset=32 (local.get $wp)))))
            (local.set $a3 (f32x4.add (local.get $a3) (f32x4.mul (local.get $u) (v128.load offset=48 (local.get $wp)))))
            (local.set $wp (i32.add (local.get $wp) (local.get $rowBytes)))
            (local.set $xp (i32.add (local.get $xp) (i32.const 4)))
            (br_if $inputs (i32.lt_u (local.get $xp) (local.get $xEnd))))
          (v128.store offset=0 (i32.add (local.get $z) (local.get $i)) (local.get $a0))
          (v128.store offset=16 (i32.add (local.get $z) (local.get $i)) (local.get $a1))
          (v128.store offset=32 (i32.add (local.get $z) (local.get $i)) (local.get $a2))
          (v128.store offset=48 (i32.add (local.get $z) (local.get $i)) (local.get $a3))
          (local.set $i (i32.add (local.get $i) (i32.const 64)))
          (br $wide)))
      ;; the rest, four outputs at a time
      (block $narrowDone
        (loop $narrow
          (br_if $narrowDone (i32.ge_u (local.get $i) (local.get $rowBytes)))
          (local.set $a0 (v128.load (i32.add (local.get $b) (local.get $i))))
          (local.set $xp (local.get $x))
          (local.set $wp (i32.add (local.get $w) (local.get $i)))
          (loop $inputs
            (local.set $a0 (f32x4.add (local.get $a0)
              (f32x4.mul (f32x4.splat (f32.load (local.get $xp))) (v128.load (local.get $wp)))))
            (local.set $wp (i32.add (local.get $wp) (local.get $rowBytes)))
            (local.set $xp (i32.add (local.get $xp) (i32.const 4)))
            (br_if $inputs (i32.lt_u (local.get $xp) (local.get $xEnd))))
          (v128.store (i32.add (local.get $z) (local.get $i)) (local.get $a0))
          (local.set $i (i32.add (local.get $i) (i32.const 16)))
          (br $narrow)))
      (local.set $x (local.get $xEnd))
      (local.set $z (i32.add (local.get $z) (local.get $rowBytes)))
      (br_if $example (i32.lt_u (local.get $z) (local.get $zEnd)))))

  ;; tanh of `count` values (a multiple of 4) in place: a rational approximation, odd degree 13
  ;; over even degree 6, on x clamped to ±7.9053. Past that the approximation drifts (above 1 by
  ;; x = 10) while tanh stays within 3e-7 of ±1. Its error against Math.tanh is bounded in
  ;; tests/unit/float32-forward.test.ts.
  (func (export "tanh") (param $p i32) (param $count i32)
    (local $end i32) (local $x v128) (local $x2 v128) (local $num v128) (local $den v128)
    (local.set $end (i32.add (local.get $p) (i32.shl (local.get $count) (i32.const 2))))
    (block $done
      (loop $values
        (br_if $done (i32.ge_u (local.get $p) (local.get $end)))
        (local.set $x (f32x4.max (v128.const f32x4 -7.90531110763549805 -7.90531110763549805 -7.90531110763549805 -7.90531110763549805)
          (f32x4.min (v128.const f32x4 7.90531110763549805 7.90531110763549805 7.90531110763549805 7.90531110763549805)
            (v128.load (local.get $p)))))
        (local.set $x2 (f32x4.mul (local.get $x) (local.get $x)))
        (local.set $num (f32x4.add (v128.const f32x4 2.00018790482477e-13 2.00018790482477e-13 2.00018790482477e-13 2.00018790482477e-13)
          (f32x4.mul (local.get $x2) (v128.const f32x4 -2.76076847742355e-16 -2.76076847742355e-16 -2.76076847742355e-16 -2.76076847742355e-16))))
        (local.set $num (f32x4.add (v128.const f32x4 -8.60467152213735e-11 -8.60467152213735e-11 -8.60467152213735e-11 -8.60467152213735e-11)
          (f32x4.mul (local.get $x2) (local.get $num))))
        (local.set $num (f32x4.add (v128.const f32x4 5.12229709037114e-08 5.12229709037114e-08 5.12229709037114e-08 5.12229709037114e-08)
          (f32x4.mul (local.get $x2) (local.get $num))))
        (local.set $num (f32x4.add (v128.const f32x4 1.48572235717979e-05 1.48572235717979e-05 1.48572235717979e-05 1.48572235717979e-05)
          (f32x4.mul (local.get $x2) (local.get $num))))
        (local.set $num (f32x4.add (v128.const f32x4 6.37261928875436e-04 6.37261928875436e-04 6.37261928875436e-04 6.37261928875436e-04)
          (f32x4.mul (local.get $x2) (local.get $num))))
        (local.set $num (f32x4.add (v128.const f32x4 4.89352455891786e-03 4.89352455891786e-03 4.89352455891786e-03 4.89352455891786e-03)
          (f32x4.mul (local.get $x2) (local.get $num))))
        (local.set $num (f32x4.mul (local.get $x) (local.get $num)))
        (local.set $den (f32x4.add (v128.const f32x4 1.18534705686654e-04 1.18534705686654e-04 1.18534705686654e-04 1.18534705686654e-04)
          (f32x4.mul (local.get $x2) (v128.const f32x4 1.19825839466702e-06 1.19825839466702e-06 1.19825839466702e-06 1.19825839466702e-06))))
        (local.set $den (f32x4.add (v128.const f32x4 2.26843463243900e-03 2.26843463243900e-03 2.26843463243900e-03 2.26843463243900e-03)
          (f32x4.mul (local.get $x2) (local.get $den))))
        (local.set $den (f32x4.add (v128.const f32x4 4.89352518554385e-03 4.89352518554385e-03 4.89352518554385e-03 4.89352518554385e-03)
          (f32x4.mul (local.get $x2) (local.get $den))))
        (v128.store (local.get $p) (f32x4.div (local.get $num) (local.get $den)))
        (local.set $p (i32.add (local.get $p) (i32.const 16)))
        (br $values))))

  ;; max(x, 0) of `count` values (a multiple of 4) in place.
  (func (export "relu") (param $p i32) (param $count i32)
    (local $end i32)
    (local.set $end (i32.add (local.get $p) (i32.shl (local.get $count) (i32.const 2))))
    (block $done
      (loop $values
        (br_if $done (i32.ge_u (local.get $p) (local.get $end)))
        (v128.store (local.get $p) (f32x4.max (v128.const f32x4 0 0 0 0) (v128.load (local.get $p))))
        (local.set $p (i32.add (local.get $p) (i32.const 16)))
        (br $values)))))
