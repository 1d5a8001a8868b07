;; The single-precision kernels of a Classifier (src/sim/classifier/), four lanes at a time, on
;; the classifier's own arrays (views of this module's memory, laid out by
;; src/sim/classifier/engine.ts). Each computes exactly what its JavaScript twin in
;; classifier/kernels.ts or classifier/update-kernels.ts computes, rounding to float32 at the
;; same places in the same order, so both give the same bits: independent sums share a vector,
;; one per lane, and the one sum split across lanes (the dot products of `deltas`) is split and
;; added up the same way in JavaScript. No fused multiply-add (relaxed SIMD is not used).
;;
;; Weights are row-major [nIn][nOut]. A layer's live units, per example, are i32 unit indices,
;; one row of n per example, with one i32 count per example: the units that send a value other
;; than 0. Pointers are byte offsets.
;; `npm run build:wasm` assembles this file into classifier-module.ts; a unit test checks the two agree.
(module
  (memory (export "memory") 1 65536)

  ;; One PCG32 output (XSH-RR) of a 64-bit state: ((s >> 18) ^ s) >> 27, rotated right by s >> 59.
  (func $output (param $s i64) (result i32)
    (i32.rotr
      (i32.wrap_i64 (i64.shr_u (i64.xor (i64.shr_u (local.get $s) (i64.const 18)) (local.get $s)) (i64.const 27)))
      (i32.wrap_i64 (i64.shr_u (local.get $s) (i64.const 59)))))

  ;; Bernoulli draws into `count` mask bytes, 1 kept and 0 dropped, exactly as random.ts's
  ;; fillMask draws them from its Pcg32 (fillMask): each byte of a word, high byte first, keeps a
  ;; unit below $top = floor(256q) and drops it above; the units that tie are listed in $ties and
  ;; settled afterwards, in order, by a further word compared with $rest. The generator is four
  ;; i32 at $generator (state high, low, increment high, low); its state is written back.
  (func (export "fillMask")
    (param $generator i32) (param $out i32) (param $count i32) (param $top i32) (param $rest f64) (param $ties i32)
    (local $s i64) (local $inc i64) (local $word i32) (local $i i32) (local $byte i32)
    (local $tied i32) (local $t i32)
    (local.set $s (i64.or (i64.shl (i64.extend_i32_u (i32.load offset=0 (local.get $generator))) (i64.const 32))
      (i64.extend_i32_u (i32.load offset=4 (local.get $generator)))))
    (local.set $inc (i64.or (i64.shl (i64.extend_i32_u (i32.load offset=8 (local.get $generator))) (i64.const 32))
      (i64.extend_i32_u (i32.load offset=12 (local.get $generator)))))
    (local.set $tied (local.get $ties))
    (local.set $i (i32.const 0))
    ;; whole words, four bytes each; every draw is listed as a tie, and the list advances past
    ;; real ones only
    (block $wordsDone
      (loop $words
        (br_if $wordsDone (i32.gt_u (i32.add (local.get $i) (i32.const 4)) (local.get $count)))
        (local.set $word (call $output (local.get $s)))
        (local.set $s (i64.add (i64.mul (local.get $s) (i64.const 6364136223846793005)) (local.get $inc)))
        (local.set $byte (i32.and (i32.shr_u (local.get $word) (i32.const 24)) (i32.const 255)))
        (i32.store8 offset=0 (i32.add (local.get $out) (local.get $i)) (i32.lt_u (local.get $byte) (local.get $top)))
        (i32.store (local.get $tied) (i32.add (local.get $i) (i32.const 0)))
        (local.set $tied (i32.add (local.get $tied) (i32.shl (i32.eq (local.get $byte) (local.get $top)) (i32.const 2))))
        (local.set $byte (i32.and (i32.shr_u (local.get $word) (i32.const 16)) (i32.const 255)))
        (i32.store8 offset=1 (i32.add (local.get $out) (local.get $i)) (i32.lt_u (local.get $byte) (local.get $top)))
        (i32.store (local.get $tied) (i32.add (local.get $i) (i32.const 1)))
        (local.set $tied (i32.add (local.get $tied) (i32.shl (i32.eq (local.get $byte) (local.get $top)) (i32.const 2))))
        (local.set $byte (i32.and (i32.shr_u (local.get $word) (i32.const 8)) (i32.const 255)))
        (i32.store8 offset=2 (i32.add (local.get $out) (local.get $i)) (i32.lt_u (local.get $byte) (local.get $top)))
        (i32.store (local.get $tied) (i32.add (local.get $i) (i32.const 2)))
        (local.set $tied (i32.add (local.get $tied) (i32.shl (i32.eq (local.get $byte) (local.get $top)) (i32.const 2))))
        (local.set $byte (i32.and (i32.shr_u (local.get $word) (i32.const 0)) (i32.const 255)))
        (i32.store8 offset=3 (i32.add (local.get $out) (local.get $i)) (i32.lt_u (local.get $byte) (local.get $top)))
        (i32.store (local.get $tied) (i32.add (local.get $i) (i32.const 3)))
        (local.set $tied (i32.add (local.get $tied) (i32.shl (i32.eq (local.get $byte) (local.get $top)) (i32.const 2))))
        (local.set $i (i32.add (local.get $i) (i32.const 4)))
        (br $words)))
    ;; the last units, from the high bytes of one more word
    (if (i32.lt_u (local.get $i) (local.get $count))
      (then
        (local.set $word (call $output (local.get $s)))
        (local.set $s (i64.add (i64.mul (local.get $s) (i64.const 6364136223846793005)) (local.get $inc)))
        (block $bytesDone
          (loop $bytes
            (br_if $bytesDone (i32.ge_u (local.get $i) (local.get $count)))
            (local.set $byte (i32.shr_u (local.get $word) (i32.const 24)))
            (i32.store8 (i32.add (local.get $out) (local.get $i)) (i32.lt_u (local.get $byte) (local.get $top)))
            (i32.store (local.get $tied) (local.get $i))
            (local.set $tied (i32.add (local.get $tied) (i32.shl (i32.eq (local.get $byte) (local.get $top)) (i32.const 2))))
            (local.set $word (i32.shl (local.get $word) (i32.const 8)))
            (local.set $i (i32.add (local.get $i) (i32.const 1)))
            (br $bytes)))))
    (local.set $t (local.get $ties))
    (block $tiesDone
      (loop $settle
        (br_if $tiesDone (i32.ge_u (local.get $t) (local.get $tied)))
        (i32.store8 (i32.add (local.get $out) (i32.load (local.get $t)))
          (f64.lt (f64.convert_i32_u (call $output (local.get $s))) (local.get $rest)))
        (local.set $s (i64.add (i64.mul (local.get $s) (i64.const 6364136223846793005)) (local.get $inc)))
        (local.set $t (i32.add (local.get $t) (i32.const 4)))
        (br $settle)))
    (i32.store offset=0 (local.get $generator) (i32.wrap_i64 (i64.shr_u (local.get $s) (i64.const 32))))
    (i32.store offset=4 (local.get $generator) (i32.wrap_i64 (local.get $s))))

  ;; x = f(source) · scale where mask is 1, exactly 0 where it is 0, with f = max(·, 0) when
  ;; $relu is 1, else the identity; and each example's units with x ≠ 0 and their x (send). Four
  ;; units at a time, a dropped unit's bits cleared by a lane mask (no branch on a random
  ;; outcome), then one at a time; the live units are listed lane by lane.
  (func (export "send")
    (param $source i32) (param $mask i32) (param $x i32) (param $units i32) (param $counts i32) (param $values i32)
    (param $batch i32) (param $n i32) (param $relu i32) (param $scale f32)
    (local $e i32) (local $k i32) (local $c i32) (local $row i32) (local $unitRow i32) (local $valueRow i32)
    (local $blocks i32) (local $v v128) (local $live v128) (local $factor v128) (local $s f32)
    (local.set $factor (f32x4.splat (local.get $scale)))
    (local.set $blocks (i32.and (local.get $n) (i32.const -4)))
    (local.set $e (i32.const 0))
    (block $examplesDone
      (loop $examples
        (br_if $examplesDone (i32.ge_u (local.get $e) (local.get $batch)))
        (local.set $row (i32.mul (local.get $e) (local.get $n)))
        (local.set $unitRow (i32.add (local.get $units) (i32.shl (local.get $row) (i32.const 2))))
        (local.set $valueRow (i32.add (local.get $values) (i32.shl (local.get $row) (i32.const 2))))
        (local.set $c (i32.const 0))
        (local.set $k (i32.const 0))
        (block $quadsDone
          (loop $quads
            (br_if $quadsDone (i32.ge_u (local.get $k) (local.get $blocks)))
            (local.set $v (v128.load (i32.add (local.get $source) (i32.shl (i32.add (local.get $row) (local.get $k)) (i32.const 2)))))
            (if (local.get $relu) (then (local.set $v (f32x4.max (local.get $v) (v128.const f32x4 0 0 0 0)))))
            ;; mask bytes 0 or 1 widened to lanes of 0 or −1 (every bit set)
            (local.set $v (v128.and (f32x4.mul (local.get $v) (local.get $factor))
              (i32x4.neg (i32x4.extend_low_i16x8_u (i16x8.extend_low_i8x16_u
                (v128.load32_zero (i32.add (local.get $mask) (i32.add (local.get $row) (local.get $k)))))))))
            (v128.store (i32.add (local.get $x) (i32.shl (i32.add (local.get $row) (local.get $k)) (i32.const 2))) (local.get $v))
            (local.set $live (f32x4.ne (local.get $v) (v128.const f32x4 0 0 0 0)))
            (i32.store (i32.add (local.get $unitRow) (i32.shl (local.get $c) (i32.const 2))) (local.get $k))
            (f32.store (i32.add (local.get $valueRow) (i32.shl (local.get $c) (i32.const 2))) (f32x4.extract_lane 0 (local.get $v)))
            (local.set $c (i32.sub (local.get $c) (i32x4.extract_lane 0 (local.get $live))))
            (i32.store (i32.add (local.get $unitRow) (i32.shl (local.get $c) (i32.const 2))) (i32.add (local.get $k) (i32.const 1)))
            (f32.store (i32.add (local.get $valueRow) (i32.shl (local.get $c) (i32.const 2))) (f32x4.extract_lane 1 (local.get $v)))
            (local.set $c (i32.sub (local.get $c) (i32x4.extract_lane 1 (local.get $live))))
            (i32.store (i32.add (local.get $unitRow) (i32.shl (local.get $c) (i32.const 2))) (i32.add (local.get $k) (i32.const 2)))
            (f32.store (i32.add (local.get $valueRow) (i32.shl (local.get $c) (i32.const 2))) (f32x4.extract_lane 2 (local.get $v)))
            (local.set $c (i32.sub (local.get $c) (i32x4.extract_lane 2 (local.get $live))))
            (i32.store (i32.add (local.get $unitRow) (i32.shl (local.get $c) (i32.const 2))) (i32.add (local.get $k) (i32.const 3)))
            (f32.store (i32.add (local.get $valueRow) (i32.shl (local.get $c) (i32.const 2))) (f32x4.extract_lane 3 (local.get $v)))
            (local.set $c (i32.sub (local.get $c) (i32x4.extract_lane 3 (local.get $live))))
            (local.set $k (i32.add (local.get $k) (i32.const 4)))
            (br $quads)))
        (block $unitsDone
          (loop $unitLoop
            (br_if $unitsDone (i32.ge_u (local.get $k) (local.get $n)))
            (local.set $s (f32.load (i32.add (local.get $source) (i32.shl (i32.add (local.get $row) (local.get $k)) (i32.const 2)))))
            (if (local.get $relu) (then (local.set $s (f32.max (local.get $s) (f32.const 0)))))
            (local.set $s (f32.reinterpret_i32 (i32.and (i32.reinterpret_f32 (f32.mul (local.get $s) (local.get $scale)))
              (i32.sub (i32.const 0) (i32.load8_u (i32.add (local.get $mask) (i32.add (local.get $row) (local.get $k))))))))
            (f32.store (i32.add (local.get $x) (i32.shl (i32.add (local.get $row) (local.get $k)) (i32.const 2))) (local.get $s))
            (i32.store (i32.add (local.get $unitRow) (i32.shl (local.get $c) (i32.const 2))) (local.get $k))
            (f32.store (i32.add (local.get $valueRow) (i32.shl (local.get $c) (i32.const 2))) (local.get $s))
            (local.set $c (i32.add (local.get $c) (f32.ne (local.get $s) (f32.const 0))))
            (local.set $k (i32.add (local.get $k) (i32.const 1)))
            (br $unitLoop)))
        (i32.store (i32.add (local.get $counts) (i32.shl (local.get $e) (i32.const 2))) (local.get $c))
        (local.set $e (i32.add (local.get $e) (i32.const 1)))
        (br $examples))))

  ;; A layer's live (example, value) pairs listed by unit (listByUnit): unit j's pairs are entries
  ;; starts[j] … starts[j + 1] − 1 of $examples (ascending) and $values, from the per-example
  ;; lists $units and $liveValues. Counted, summed, filled with starts[j] as unit j's cursor,
  ;; then shifted back.
  (func (export "listByUnit")
    (param $units i32) (param $counts i32) (param $liveValues i32) (param $batch i32) (param $n i32)
    (param $starts i32) (param $examples i32) (param $values i32)
    (local $e i32) (local $up i32) (local $uEnd i32) (local $p i32) (local $at i32)
    (memory.fill (local.get $starts) (i32.const 0) (i32.shl (i32.add (local.get $n) (i32.const 1)) (i32.const 2)))
    (local.set $e (i32.const 0))
    (block $countsDone
      (loop $countLoop
        (br_if $countsDone (i32.ge_u (local.get $e) (local.get $batch)))
        (local.set $up (i32.add (local.get $units) (i32.shl (i32.mul (local.get $e) (local.get $n)) (i32.const 2))))
        (local.set $uEnd (i32.add (local.get $up)
          (i32.shl (i32.load (i32.add (local.get $counts) (i32.shl (local.get $e) (i32.const 2)))) (i32.const 2))))
        (block $unitsDone
          (loop $unitLoop
            (br_if $unitsDone (i32.ge_u (local.get $up) (local.get $uEnd)))
            (local.set $p (i32.add (local.get $starts) (i32.shl (i32.load (local.get $up)) (i32.const 2))))
            (i32.store offset=4 (local.get $p) (i32.add (i32.load offset=4 (local.get $p)) (i32.const 1)))
            (local.set $up (i32.add (local.get $up) (i32.const 4)))
            (br $unitLoop)))
        (local.set $e (i32.add (local.get $e) (i32.const 1)))
        (br $countLoop)))
    (local.set $p (local.get $starts))
    (local.set $uEnd (i32.add (local.get $starts) (i32.shl (local.get $n) (i32.const 2))))
    (block $sumsDone
      (loop $sums
        (br_if $sumsDone (i32.ge_u (local.get $p) (local.get $uEnd)))
        (i32.store offset=4 (local.get $p) (i32.add (i32.load offset=4 (local.get $p)) (i32.load (local.get $p))))
        (local.set $p (i32.add (local.get $p) (i32.const 4)))
        (br $sums)))
    (local.set $e (i32.const 0))
    (block $fillDone
      (loop $fill
        (br_if $fillDone (i32.ge_u (local.get $e) (local.get $batch)))
        (local.set $up (i32.add (local.get $units) (i32.shl (i32.mul (local.get $e) (local.get $n)) (i32.const 2))))
        (local.set $uEnd (i32.add (local.get $up)
          (i32.shl (i32.load (i32.add (local.get $counts) (i32.shl (local.get $e) (i32.const 2)))) (i32.const 2))))
        (block $unitsDone
          (loop $unitLoop
            (br_if $unitsDone (i32.ge_u (local.get $up) (local.get $uEnd)))
            (local.set $p (i32.add (local.get $starts) (i32.shl (i32.load (local.get $up)) (i32.const 2))))
            (local.set $at (i32.shl (i32.load (local.get $p)) (i32.const 2)))
            (i32.store (local.get $p) (i32.add (i32.load (local.get $p)) (i32.const 1)))
            (i32.store (i32.add (local.get $examples) (local.get $at)) (local.get $e))
            ;; the value's bits, copied (the lists are parallel: the same offset in both)
            (i32.store (i32.add (local.get $values) (local.get $at))
              (i32.load (i32.add (local.get $liveValues) (i32.sub (local.get $up) (local.get $units)))))
            (local.set $up (i32.add (local.get $up) (i32.const 4)))
            (br $unitLoop)))
        (local.set $e (i32.add (local.get $e) (i32.const 1)))
        (br $fill)))
    (local.set $p (i32.add (local.get $starts) (i32.shl (local.get $n) (i32.const 2))))
    (block $shiftDone
      (loop $shift
        (br_if $shiftDone (i32.le_u (local.get $p) (local.get $starts)))
        (i32.store (local.get $p) (i32.load offset=0 (i32.sub (local.get $p) (i32.const 4))))
        (local.set $p (i32.sub (local.get $p) (i32.const 4)))
        (br $shift)))
    (i32.store (local.get $starts) (i32.const 0)))

  ;; out = init + Σ_t coefficients[t] · matrix row rows[t], over $count parallel entries of
  ;; $coefficients and $rows (combineRows): each output's sum starts from its init term and adds
  ;; one product at a time in order of t. Thirty-two outputs per block as eight vectors, each fed
  ;; by one splatted coefficient; then four at a time; then one at a time.
  (func $combine
    (param $out i32) (param $init i32) (param $coefficients i32) (param $rows i32) (param $count i32)
    (param $matrix i32) (param $rowBytes i32)
    (local $end i32) (local $i i32) (local $t i32) (local $m i32)
    (local $u v128) (local $a0 v128) (local $a1 v128) (local $a2 v128) (local $a3 v128)
    (local $a4 v128) (local $a5 v128) (local $a6 v128) (local $a7 v128) (local $s f32)
    (local.set $end (i32.shl (local.get $count) (i32.const 2)))
    (local.set $i (i32.const 0))
    (block $wideDone
      (loop $wide
        (br_if $wideDone (i32.gt_u (i32.add (local.get $i) (i32.const 128)) (local.get $rowBytes)))
        (local.set $m (i32.add (local.get $init) (local.get $i)))
        (local.set $a0 (v128.load offset=0 (local.get $m)))
        (local.set $a1 (v128.load offset=16 (local.get $m)))
        (local.set $a2 (v128.load offset=32 (local.get $m)))
        (local.set $a3 (v128.load offset=48 (local.get $m)))
        (local.set $a4 (v128.load offset=64 (local.get $m)))
        (local.set $a5 (v128.load offset=80 (local.get $m)))
        (local.set $a6 (v128.load offset=96 (local.get $m)))
        (local.set $a7 (v128.load offset=112 (local.get $m)))
        (local.set $t (i32.const 0))
        (block $termsDone
          (loop $terms
            (br_if $termsDone (i32.ge_u (local.get $t) (local.get $end)))
            (local.set $u (f32x4.splat (f32.load (i32.add (local.get $coefficients) (local.get $t)))))
            (local.set $m (i32.add (i32.add (local.get $matrix)
              (i32.mul (i32.load (i32.add (local.get $rows) (local.get $t))) (local.get $rowBytes))) (local.get $i)))
            (local.set $a0 (f32x4.add (local.get $a0) (f32x4.mul (local.get $u) (v128.load offset=0 (local.get $m)))))
            (local.set $a1 (f32x4.add (local.get $a1) (f32x4.mul (local.get $u) (v128.load offset=16 (local.get $m)))))
            (local.set $a2 (f32x4.add (local.get $a2) (f32x4.mul (local.get $u) (v128.load offset=32 (local.get $m)))))
            (local.set $a3 (f32x4.add (local.get $a3) (f32x4.mul (local.get $u) (v128.load offset=48 (local.get $m)))))
            (local.set $a4 (f32x4.add (local.get $a4) (f32x4.mul (local.get $u) (v128.load offset=64 (local.get $m)))))
            (local.set $a5 (f32x4.add (local.get $a5) (f32x4.mul (local.get $u) (v128.load offset=80 (local.get $m)))))
            (local.set $a6 (f32x4.add (local.get $a6) (f32x4.mul (local.get $u) (v128.load offset=96 (local.get $m)))))
            (local.set $a7 (f32x4.add (local.get $a7) (f32x4.mul (local.get $u) (v128.load offset=112 (local.get $m)))))
            (local.set $t (i32.add (local.get $t) (i32.const 4)))
            (br $terms)))
        (local.set $m (i32.add (local.get $out) (local.get $i)))
        (v128.store offset=0 (local.get $m) (local.get $a0))
        (v128.store offset=16 (local.get $m) (local.get $a1))
        (v128.store offset=32 (local.get $m) (local.get $a2))
        (v128.store offset=48 (local.get $m) (local.get $a3))
        (v128.store offset=64 (local.get $m) (local.get $a4))
        (v128.store offset=80 (local.get $m) (local.get $a5))
        (v128.store offset=96 (local.get $m) (local.get $a6))
        (v128.store offset=112 (local.get $m) (local.get $a7))
        (local.set $i (i32.add (local.get $i) (i32.const 128)))
        (br $wide)))
    (block $narrowDone
      (loop $narrow
        (br_if $narrowDone (i32.gt_u (i32.add (local.get $i) (i32.const 16)) (local.get $rowBytes)))
        (local.set $a0 (v128.load (i32.add (local.get $init) (local.get $i))))
        (local.set $t (i32.const 0))
        (block $termsDone
          (loop $terms
            (br_if $termsDone (i32.ge_u (local.get $t) (local.get $end)))
            (local.set $a0 (f32x4.add (local.get $a0)
              (f32x4.mul (f32x4.splat (f32.load (i32.add (local.get $coefficients) (local.get $t))))
                (v128.load (i32.add (i32.add (local.get $matrix)
                  (i32.mul (i32.load (i32.add (local.get $rows) (local.get $t))) (local.get $rowBytes))) (local.get $i))))))
            (local.set $t (i32.add (local.get $t) (i32.const 4)))
            (br $terms)))
        (v128.store (i32.add (local.get $out) (local.get $i)) (local.get $a0))
        (local.set $i (i32.add (local.get $i) (i32.const 16)))
        (br $narrow)))
    (block $restDone
      (loop $rest
        (br_if $restDone (i32.ge_u (local.get $i) (local.get $rowBytes)))
        (local.set $s (f32.load (i32.add (local.get $init) (local.get $i))))
        (local.set $t (i32.const 0))
        (block $termsDone
          (loop $terms
            (br_if $termsDone (i32.ge_u (local.get $t) (local.get $end)))
            (local.set $s (f32.add (local.get $s)
              (f32.mul (f32.load (i32.add (local.get $coefficients) (local.get $t)))
                (f32.load (i32.add (i32.add (local.get $matrix)
                  (i32.mul (i32.load (i32.add (local.get $rows) (local.get $t))) (local.get $rowBytes))) (local.get $i))))))
            (local.set $t (i32.add (local.get $t) (i32.const 4)))
            (br $terms)))
        (f32.store (i32.add (local.get $out) (local.get $i)) (local.get $s))
        (local.set $i (i32.add (local.get $i) (i32.const 4)))
        (br $rest))))

  ;; z = b + Σ_j x_j · W_j over each example's live inputs j, in order (forward).
  (func (export "forward")
    (param $units i32) (param $counts i32) (param $values i32) (param $w i32) (param $b i32) (param $z i32)
    (param $batch i32) (param $nIn i32) (param $nOut i32)
    (local $e i32) (local $row i32) (local $rowBytes i32)
    (local.set $rowBytes (i32.shl (local.get $nOut) (i32.const 2)))
    (local.set $e (i32.const 0))
    (block $examplesDone
      (loop $examples
        (br_if $examplesDone (i32.ge_u (local.get $e) (local.get $batch)))
        (local.set $row (i32.shl (i32.mul (local.get $e) (local.get $nIn)) (i32.const 2)))
        (call $combine
          (i32.add (local.get $z) (i32.mul (local.get $e) (local.get $rowBytes)))
          (local.get $b)
          (i32.add (local.get $values) (local.get $row))
          (i32.add (local.get $units) (local.get $row))
          (i32.load (i32.add (local.get $counts) (i32.shl (local.get $e) (i32.const 2))))
          (local.get $w)
          (local.get $rowBytes))
        (local.set $e (i32.add (local.get $e) (i32.const 1)))
        (br $examples))))

  ;; gW_j = Σ_e x_ej · δ_e over the (example, value) pairs of input j, from the zeros at $zeros
  ;; (a row of zeros when j has none), and gb = Σ_e δ_e over every example (gradients). Pairs of
  ;; unit j run from starts[j] to starts[j + 1].
  (func (export "gradients")
    (param $starts i32) (param $examples i32) (param $values i32) (param $delta i32) (param $gw i32) (param $gb i32)
    (param $zeros i32) (param $batch i32) (param $nIn i32) (param $nOut i32)
    (local $j i32) (local $first i32) (local $rowBytes i32) (local $i i32) (local $dp i32) (local $e i32)
    (local $a v128) (local $s f32)
    (local.set $rowBytes (i32.shl (local.get $nOut) (i32.const 2)))
    (local.set $j (i32.const 0))
    (block $unitsDone
      (loop $unitLoop
        (br_if $unitsDone (i32.ge_u (local.get $j) (local.get $nIn)))
        (local.set $first (i32.load (i32.add (local.get $starts) (i32.shl (local.get $j) (i32.const 2)))))
        (call $combine
          (i32.add (local.get $gw) (i32.mul (local.get $j) (local.get $rowBytes)))
          (local.get $zeros)
          (i32.add (local.get $values) (i32.shl (local.get $first) (i32.const 2)))
          (i32.add (local.get $examples) (i32.shl (local.get $first) (i32.const 2)))
          (i32.sub (i32.load offset=4 (i32.add (local.get $starts) (i32.shl (local.get $j) (i32.const 2)))) (local.get $first))
          (local.get $delta)
          (local.get $rowBytes))
        (local.set $j (i32.add (local.get $j) (i32.const 1)))
        (br $unitLoop)))
    ;; the bias gradients, four at a time, then one at a time
    (local.set $i (i32.const 0))
    (block $biasesDone
      (loop $biases
        (br_if $biasesDone (i32.gt_u (i32.add (local.get $i) (i32.const 16)) (local.get $rowBytes)))
        (local.set $a (v128.const i32x4 0 0 0 0))
        (local.set $dp (i32.add (local.get $delta) (local.get $i)))
        (local.set $e (i32.const 0))
        (block $examplesDone
          (loop $exampleLoop
            (br_if $examplesDone (i32.ge_u (local.get $e) (local.get $batch)))
            (local.set $a (f32x4.add (local.get $a) (v128.load (local.get $dp))))
            (local.set $dp (i32.add (local.get $dp) (local.get $rowBytes)))
            (local.set $e (i32.add (local.get $e) (i32.const 1)))
            (br $exampleLoop)))
        (v128.store (i32.add (local.get $gb) (local.get $i)) (local.get $a))
        (local.set $i (i32.add (local.get $i) (i32.const 16)))
        (br $biases)))
    (block $biasRestDone
      (loop $biasRest
        (br_if $biasRestDone (i32.ge_u (local.get $i) (local.get $rowBytes)))
        (local.set $s (f32.const 0))
        (local.set $dp (i32.add (local.get $delta) (local.get $i)))
        (local.set $e (i32.const 0))
        (block $examplesDone
          (loop $exampleLoop
            (br_if $examplesDone (i32.ge_u (local.get $e) (local.get $batch)))
            (local.set $s (f32.add (local.get $s) (f32.load (local.get $dp))))
            (local.set $dp (i32.add (local.get $dp) (local.get $rowBytes)))
            (local.set $e (i32.add (local.get $e) (i32.const 1)))
            (br $exampleLoop)))
        (f32.store (i32.add (local.get $gb) (local.get $i)) (local.get $s))
        (local.set $i (i32.add (local.get $i) (i32.const 4)))
        (br $biasRest))))

  ;; (a0 + a1) + (a2 + a3) of a vector's lanes.
  (func $lanes (param $v v128) (result f32)
    (f32.add
      (f32.add (f32x4.extract_lane 0 (local.get $v)) (f32x4.extract_lane 1 (local.get $v)))
      (f32.add (f32x4.extract_lane 2 (local.get $v)) (f32x4.extract_lane 3 (local.get $v)))))

  ;; s plus the products of the δ and weight rows at byte offsets from…to, one at a time.
  (func $dotRest (param $d i32) (param $r i32) (param $from i32) (param $to i32) (param $s f32) (result f32)
    (block $done
      (loop $products
        (br_if $done (i32.ge_u (local.get $from) (local.get $to)))
        (local.set $s (f32.add (local.get $s)
          (f32.mul (f32.load (i32.add (local.get $d) (local.get $from))) (f32.load (i32.add (local.get $r) (local.get $from))))))
        (local.set $from (i32.add (local.get $from) (i32.const 4)))
        (br $products)))
    (local.get $s))

  ;; δ_lower of each live unit j: (W_j · δ_upper) · scale, the dot product in four lanes over
  ;; whole blocks of four outputs, the lanes added up by $lanes, then the rest one at a time
  ;; (deltas); every other unit 0. Four live units per block share each δ vector.
  (func (export "deltas")
    (param $upper i32) (param $w i32) (param $units i32) (param $counts i32) (param $lower i32)
    (param $batch i32) (param $nIn i32) (param $nOut i32) (param $scale f32)
    (local $e i32) (local $lowerRow i32) (local $dRow i32) (local $up i32) (local $uEnd i32)
    (local $rowBytes i32) (local $blockBytes i32) (local $i i32) (local $d v128)
    (local $j0 i32) (local $j1 i32) (local $j2 i32) (local $j3 i32)
    (local $r0 i32) (local $r1 i32) (local $r2 i32) (local $r3 i32)
    (local $a0 v128) (local $a1 v128) (local $a2 v128) (local $a3 v128)
    (local.set $rowBytes (i32.shl (local.get $nOut) (i32.const 2)))
    (local.set $blockBytes (i32.and (local.get $rowBytes) (i32.const -16)))
    (local.set $e (i32.const 0))
    (block $examplesDone
      (loop $examples
        (br_if $examplesDone (i32.ge_u (local.get $e) (local.get $batch)))
        (local.set $lowerRow (i32.add (local.get $lower) (i32.shl (i32.mul (local.get $e) (local.get $nIn)) (i32.const 2))))
        (local.set $up (i32.add (local.get $units) (i32.shl (i32.mul (local.get $e) (local.get $nIn)) (i32.const 2))))
        (local.set $uEnd (i32.add (local.get $up)
          (i32.shl (i32.load (i32.add (local.get $counts) (i32.shl (local.get $e) (i32.const 2)))) (i32.const 2))))
        (local.set $dRow (i32.add (local.get $upper) (i32.mul (local.get $e) (local.get $rowBytes))))
        (memory.fill (local.get $lowerRow) (i32.const 0) (i32.shl (local.get $nIn) (i32.const 2)))
        (block $quadsDone
          (loop $quads
            (br_if $quadsDone (i32.gt_u (i32.add (local.get $up) (i32.const 16)) (local.get $uEnd)))
            (local.set $j0 (i32.shl (i32.load offset=0 (local.get $up)) (i32.const 2)))
            (local.set $j1 (i32.shl (i32.load offset=4 (local.get $up)) (i32.const 2)))
            (local.set $j2 (i32.shl (i32.load offset=8 (local.get $up)) (i32.const 2)))
            (local.set $j3 (i32.shl (i32.load offset=12 (local.get $up)) (i32.const 2)))
            (local.set $r0 (i32.add (local.get $w) (i32.mul (local.get $j0) (local.get $nOut))))
            (local.set $r1 (i32.add (local.get $w) (i32.mul (local.get $j1) (local.get $nOut))))
            (local.set $r2 (i32.add (local.get $w) (i32.mul (local.get $j2) (local.get $nOut))))
            (local.set $r3 (i32.add (local.get $w) (i32.mul (local.get $j3) (local.get $nOut))))
            (local.set $a0 (v128.const i32x4 0 0 0 0))
            (local.set $a1 (v128.const i32x4 0 0 0 0))
            (local.set $a2 (v128.const i32x4 0 0 0 0))
            (local.set $a3 (v128.const i32x4 0 0 0 0))
            (local.set $i (i32.const 0))
            (block $blocksDone
              (loop $blocks
                (br_if $blocksDone (i32.ge_u (local.get $i) (local.get $blockBytes)))
                (local.set $d (v128.load (i32.add (local.get $dRow) (local.get $i))))
                (local.set $a0 (f32x4.add (local.get $a0) (f32x4.mul (local.get $d) (v128.load (i32.add (local.get $r0) (local.get $i))))))
                (local.set $a1 (f32x4.add (local.get $a1) (f32x4.mul (local.get $d) (v128.load (i32.add (local.get $r1) (local.get $i))))))
                (local.set $a2 (f32x4.add (local.get $a2) (f32x4.mul (local.get $d) (v128.load (i32.add (local.get $r2) (local.get $i))))))
                (local.set $a3 (f32x4.add (local.get $a3) (f32x4.mul (local.get $d) (v128.load (i32.add (local.get $r3) (local.get $i))))))
                (local.set $i (i32.add (local.get $i) (i32.const 16)))
                (br $blocks)))
            (f32.store (i32.add (local.get $lowerRow) (local.get $j0)) (f32.mul (local.get $scale)
              (call $dotRest (local.get $dRow) (local.get $r0) (local.get $blockBytes) (local.get $rowBytes) (call $lanes (local.get $a0)))))
            (f32.store (i32.add (local.get $lowerRow) (local.get $j1)) (f32.mul (local.get $scale)
              (call $dotRest (local.get $dRow) (local.get $r1) (local.get $blockBytes) (local.get $rowBytes) (call $lanes (local.get $a1)))))
            (f32.store (i32.add (local.get $lowerRow) (local.get $j2)) (f32.mul (local.get $scale)
              (call $dotRest (local.get $dRow) (local.get $r2) (local.get $blockBytes) (local.get $rowBytes) (call $lanes (local.get $a2)))))
            (f32.store (i32.add (local.get $lowerRow) (local.get $j3)) (f32.mul (local.get $scale)
              (call $dotRest (local.get $dRow) (local.get $r3) (local.get $blockBytes) (local.get $rowBytes) (call $lanes (local.get $a3)))))
            (local.set $up (i32.add (local.get $up) (i32.const 16)))
            (br $quads)))
        (block $singlesDone
          (loop $singles
            (br_if $singlesDone (i32.ge_u (local.get $up) (local.get $uEnd)))
            (local.set $j0 (i32.shl (i32.load (local.get $up)) (i32.const 2)))
            (local.set $r0 (i32.add (local.get $w) (i32.mul (local.get $j0) (local.get $nOut))))
            (local.set $a0 (v128.const i32x4 0 0 0 0))
            (local.set $i (i32.const 0))
            (block $blocksDone
              (loop $blocks
                (br_if $blocksDone (i32.ge_u (local.get $i) (local.get $blockBytes)))
                (local.set $a0 (f32x4.add (local.get $a0)
                  (f32x4.mul (v128.load (i32.add (local.get $dRow) (local.get $i))) (v128.load (i32.add (local.get $r0) (local.get $i))))))
                (local.set $i (i32.add (local.get $i) (i32.const 16)))
                (br $blocks)))
            (f32.store (i32.add (local.get $lowerRow) (local.get $j0)) (f32.mul (local.get $scale)
              (call $dotRest (local.get $dRow) (local.get $r0) (local.get $blockBytes) (local.get $rowBytes) (call $lanes (local.get $a0)))))
            (local.set $up (i32.add (local.get $up) (i32.const 4)))
            (br $singles)))
        (local.set $e (i32.add (local.get $e) (i32.const 1)))
        (br $examples))))

  ;; SGD with momentum over `count` parameters: v ← μ·v − η·g, then p ← p + v (update).
  (func (export "update")
    (param $p i32) (param $g i32) (param $v i32) (param $count i32) (param $rate f32) (param $momentum f32)
    (local $k i32) (local $bytes i32) (local $blockBytes i32) (local $mu v128) (local $eta v128)
    (local $vv v128) (local $s f32)
    (local.set $bytes (i32.shl (local.get $count) (i32.const 2)))
    (local.set $blockBytes (i32.and (local.get $bytes) (i32.const -16)))
    (local.set $mu (f32x4.splat (local.get $momentum)))
    (local.set $eta (f32x4.splat (local.get $rate)))
    (local.set $k (i32.const 0))
    (block $blocksDone
      (loop $blocks
        (br_if $blocksDone (i32.ge_u (local.get $k) (local.get $blockBytes)))
        (local.set $vv (f32x4.sub
          (f32x4.mul (local.get $mu) (v128.load (i32.add (local.get $v) (local.get $k))))
          (f32x4.mul (local.get $eta) (v128.load (i32.add (local.get $g) (local.get $k))))))
        (v128.store (i32.add (local.get $v) (local.get $k)) (local.get $vv))
        (v128.store (i32.add (local.get $p) (local.get $k))
          (f32x4.add (v128.load (i32.add (local.get $p) (local.get $k))) (local.get $vv)))
        (local.set $k (i32.add (local.get $k) (i32.const 16)))
        (br $blocks)))
    (block $restDone
      (loop $rest
        (br_if $restDone (i32.ge_u (local.get $k) (local.get $bytes)))
        (local.set $s (f32.sub
          (f32.mul (local.get $momentum) (f32.load (i32.add (local.get $v) (local.get $k))))
          (f32.mul (local.get $rate) (f32.load (i32.add (local.get $g) (local.get $k))))))
        (f32.store (i32.add (local.get $v) (local.get $k)) (local.get $s))
        (f32.store (i32.add (local.get $p) (local.get $k))
          (f32.add (f32.load (i32.add (local.get $p) (local.get $k))) (local.get $s)))
        (local.set $k (i32.add (local.get $k) (i32.const 4)))
        (br $rest))))

  ;; w ← w · scale of each row, lane by lane with the scales at $scales, then one at a time.
  (func $scaleRows (param $w i32) (param $scales i32) (param $nIn i32) (param $rowBytes i32)
    (local $row i32) (local $end i32) (local $i i32) (local $blockBytes i32)
    (local.set $blockBytes (i32.and (local.get $rowBytes) (i32.const -16)))
    (local.set $row (local.get $w))
    (local.set $end (i32.add (local.get $w) (i32.mul (local.get $nIn) (local.get $rowBytes))))
    (block $rowsDone
      (loop $rows
        (br_if $rowsDone (i32.ge_u (local.get $row) (local.get $end)))
        (local.set $i (i32.const 0))
        (block $blocksDone
          (loop $blocks
            (br_if $blocksDone (i32.ge_u (local.get $i) (local.get $blockBytes)))
            (v128.store (i32.add (local.get $row) (local.get $i))
              (f32x4.mul (v128.load (i32.add (local.get $row) (local.get $i))) (v128.load (i32.add (local.get $scales) (local.get $i)))))
            (local.set $i (i32.add (local.get $i) (i32.const 16)))
            (br $blocks)))
        (block $restDone
          (loop $rest
            (br_if $restDone (i32.ge_u (local.get $i) (local.get $rowBytes)))
            (f32.store (i32.add (local.get $row) (local.get $i))
              (f32.mul (f32.load (i32.add (local.get $row) (local.get $i))) (f32.load (i32.add (local.get $scales) (local.get $i)))))
            (local.set $i (i32.add (local.get $i) (i32.const 4)))
            (br $rest)))
        (local.set $row (i32.add (local.get $row) (local.get $rowBytes)))
        (br $rows))))

  ;; The max-norm constraint (constrain): each column of W whose norm exceeds c is scaled back
  ;; to norm c. The squares are added row by row into $sums, which then holds each column's
  ;; factor (c/‖w‖, or 1); the rows are scaled only when some column exceeds c.
  (func (export "constrain")
    (param $w i32) (param $sums i32) (param $nIn i32) (param $nOut i32) (param $c f32)
    (local $row i32) (local $end i32) (local $i i32) (local $rowBytes i32) (local $blockBytes i32)
    (local $x v128) (local $v f32) (local $norm f32) (local $over i32)
    (local.set $rowBytes (i32.shl (local.get $nOut) (i32.const 2)))
    (local.set $blockBytes (i32.and (local.get $rowBytes) (i32.const -16)))
    (memory.fill (local.get $sums) (i32.const 0) (local.get $rowBytes))
    (local.set $row (local.get $w))
    (local.set $end (i32.add (local.get $w) (i32.mul (local.get $nIn) (local.get $rowBytes))))
    (block $rowsDone
      (loop $rows
        (br_if $rowsDone (i32.ge_u (local.get $row) (local.get $end)))
        (local.set $i (i32.const 0))
        (block $blocksDone
          (loop $blocks
            (br_if $blocksDone (i32.ge_u (local.get $i) (local.get $blockBytes)))
            (local.set $x (v128.load (i32.add (local.get $row) (local.get $i))))
            (v128.store (i32.add (local.get $sums) (local.get $i))
              (f32x4.add (v128.load (i32.add (local.get $sums) (local.get $i))) (f32x4.mul (local.get $x) (local.get $x))))
            (local.set $i (i32.add (local.get $i) (i32.const 16)))
            (br $blocks)))
        (block $restDone
          (loop $rest
            (br_if $restDone (i32.ge_u (local.get $i) (local.get $rowBytes)))
            (local.set $v (f32.load (i32.add (local.get $row) (local.get $i))))
            (f32.store (i32.add (local.get $sums) (local.get $i))
              (f32.add (f32.load (i32.add (local.get $sums) (local.get $i))) (f32.mul (local.get $v) (local.get $v))))
            (local.set $i (i32.add (local.get $i) (i32.const 4)))
            (br $rest)))
        (local.set $row (i32.add (local.get $row) (local.get $rowBytes)))
        (br $rows)))
    (local.set $over (i32.const 0))
    (local.set $i (i32.const 0))
    (block $columnsDone
      (loop $columns
        (br_if $columnsDone (i32.ge_u (local.get $i) (local.get $rowBytes)))
        (local.set $norm (f32.sqrt (f32.load (i32.add (local.get $sums) (local.get $i)))))
        (local.set $over (i32.or (local.get $over) (f32.gt (local.get $norm) (local.get $c))))
        (f32.store (i32.add (local.get $sums) (local.get $i))
          (select (f32.div (local.get $c) (local.get $norm)) (f32.const 1) (f32.gt (local.get $norm) (local.get $c))))
        (local.set $i (i32.add (local.get $i) (i32.const 4)))
        (br $columns)))
    (if (local.get $over)
      (then (call $scaleRows (local.get $w) (local.get $sums) (local.get $nIn) (local.get $rowBytes)))))
)
